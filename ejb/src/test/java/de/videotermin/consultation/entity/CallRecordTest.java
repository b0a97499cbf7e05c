package de.videotermin.consultation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallRecordTest {

    private final CallRecord call = new CallRecord(UUID.randomUUID(), Instant.parse("2026-03-29T00:59:00Z"));

    @Test
    void countsQualityChangesAndRemembersLowAndAudioOnly() {
        call.qualityChanged("low");
        call.qualityChanged("high");
        assertThat(call.getQualityChanges()).isEqualTo(2);
        assertThat(call.isLowQualityUsed()).isTrue();
        assertThat(call.isAudioOnlyUsed()).isFalse();
        call.qualityChanged("audio");
        assertThat(call.isAudioOnlyUsed()).isTrue();
    }

    @Test
    void keepsTheEarliestFirstFrameOfBothSides() {
        call.firstFrame(900);
        call.firstFrame(650);
        call.firstFrame(1200);
        assertThat(call.getFirstFrameMs()).isEqualTo(650);
    }

    @Test
    void countsReconnectsAndOnceRelayedStaysRelayed() {
        call.connected(CallRecord.ConnectionType.RELAYED);
        call.reconnected();
        call.connected(CallRecord.ConnectionType.DIRECT);
        call.reconnected();
        assertThat(call.getReconnects()).isEqualTo(2);
        assertThat(call.getConnectionType()).isEqualTo("RELAYED");
    }

    @Test
    void endsOnceAcrossTheDaylightSavingChange() {
        call.end(Instant.parse("2026-03-29T01:29:30Z")); // 02:59 → 03:29:30 wall clock, 30.5 minutes of call
        call.end(Instant.parse("2026-03-29T05:00:00Z"));
        assertThat(call.getDurationSeconds()).isEqualTo(30 * 60 + 30);
        assertThat(call.isEnded()).isTrue();
    }
}
