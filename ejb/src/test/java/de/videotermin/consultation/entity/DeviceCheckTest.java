package de.videotermin.consultation.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeviceCheckTest {

    @Test
    void noRelayMeansNoConnection() {
        assertThat(DeviceCheck.verdictFor(false, 20, 2000)).isEqualTo(DeviceCheck.Verdict.NO_CONNECTION);
    }

    @Test
    void slowOrNarrowPathSuggestsLowQuality() {
        assertThat(DeviceCheck.verdictFor(true, 450, 2000)).isEqualTo(DeviceCheck.Verdict.LOW_QUALITY);
        assertThat(DeviceCheck.verdictFor(true, 30, 400)).isEqualTo(DeviceCheck.Verdict.LOW_QUALITY);
    }

    @Test
    void fastWidePathIsGood() {
        assertThat(DeviceCheck.verdictFor(true, 30, 1500)).isEqualTo(DeviceCheck.Verdict.GOOD);
        assertThat(DeviceCheck.verdictFor(true, null, null)).isEqualTo(DeviceCheck.Verdict.GOOD);
    }
}
