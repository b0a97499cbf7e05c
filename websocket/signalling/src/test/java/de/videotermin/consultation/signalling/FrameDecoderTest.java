package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrameDecoderTest {

    @Test
    void decodesOfferWithOptionalRecipient() {
        assertThat(FrameDecoder.decode("{\"type\":\"offer\",\"sdp\":\"v=0\"}"))
                .isEqualTo(new ClientMessage.Offer("v=0", null));
        assertThat(FrameDecoder.decode("{\"type\":\"offer\",\"sdp\":\"v=0\",\"to\":\"p2\"}"))
                .isEqualTo(new ClientMessage.Offer("v=0", "p2"));
    }

    @Test
    void decodesAnswer() {
        assertThat(FrameDecoder.decode("{\"type\":\"answer\",\"sdp\":\"v=0\"}"))
                .isEqualTo(new ClientMessage.Answer("v=0", null));
    }

    @Test
    void decodesCandidateWithAllFields() {
        String frame = "{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\","
                + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"abcd\"}}";
        assertThat(FrameDecoder.decode(frame)).isEqualTo(new ClientMessage.Candidate(
                new IceCandidate("candidate:1 1 udp 1 10.0.0.1 5000 typ host", "0", 0, "abcd"), null));
    }

    @Test
    void decodesCandidateWithNullOptionalFields() {
        String frame = "{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"\",\"sdpMid\":null,\"sdpMLineIndex\":null}}";
        assertThat(FrameDecoder.decode(frame))
                .isEqualTo(new ClientMessage.Candidate(new IceCandidate("", null, null, null), null));
    }

    @Test
    void decodesNullCandidateAsEndOfCandidates() {
        assertThat(FrameDecoder.decode("{\"type\":\"candidate\",\"candidate\":null}"))
                .isEqualTo(new ClientMessage.Candidate(null, null));
    }

    @Test
    void decodesMessagesWithoutFields() {
        assertThat(FrameDecoder.decode("{\"type\":\"end\"}")).isEqualTo(new ClientMessage.End());
        assertThat(FrameDecoder.decode("{\"type\":\"leave\"}")).isEqualTo(new ClientMessage.Leave());
        assertThat(FrameDecoder.decode("{\"type\":\"ping\"}")).isEqualTo(new ClientMessage.Ping());
    }

    @Test
    void decodesAdmitAndConnectionReport() {
        assertThat(FrameDecoder.decode("{\"type\":\"admit\",\"participantId\":\"c1\"}"))
                .isEqualTo(new ClientMessage.Admit("c1"));
        assertThat(FrameDecoder.decode("{\"type\":\"connection\",\"relayed\":true}"))
                .isEqualTo(new ClientMessage.ConnectionReport(true));
        assertThat(FrameDecoder.decode("{\"type\":\"connection\",\"relayed\":false}"))
                .isEqualTo(new ClientMessage.ConnectionReport(false));
        assertThat(FrameDecoder.decode("{\"type\":\"connection\",\"relayed\":false,\"firstFrameMs\":734,\"recovered\":true}"))
                .isEqualTo(new ClientMessage.ConnectionReport(false, 734, true));
    }

    @Test
    void decodesRemoveAndQuality() {
        assertThat(FrameDecoder.decode("{\"type\":\"remove\",\"participantId\":\"guest-1\"}"))
                .isEqualTo(new ClientMessage.Remove("guest-1"));
        assertThat(FrameDecoder.decode("{\"type\":\"quality\",\"mode\":\"audio\"}"))
                .isEqualTo(new ClientMessage.QualityReport("audio"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\":\"quality\",\"mode\":\"ultra\"}",
        "{\"type\":\"quality\"}",
        "{\"type\":\"remove\"}",
        "{\"type\":\"connection\",\"relayed\":true,\"firstFrameMs\":-1}",
        "{\"type\":\"connection\",\"relayed\":true,\"firstFrameMs\":\"fast\"}",
        "{\"type\":\"connection\",\"relayed\":true,\"recovered\":\"yes\"}"
    })
    void rejectsBadReportsAsRecoverableErrors(String frame) {
        BadFrameException e = catchThrowableOfType(BadFrameException.class, () -> FrameDecoder.decode(frame));
        assertThat(e.fatal()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "", "[1,2]", "\"offer\"", "42", "{\"type\":", "null"})
    void rejectsTextThatIsNotAJsonObjectAsFatal(String frame) {
        BadFrameException e = catchThrowableOfType(BadFrameException.class, () -> FrameDecoder.decode(frame));
        assertThat(e.fatal()).isTrue();
        assertThat(e.error().code()).isEqualTo("bad-message");
    }

    @Test
    void rejectsUnknownTypeWithoutClosing() {
        BadFrameException e = catchThrowableOfType(BadFrameException.class,
                () -> FrameDecoder.decode("{\"type\":\"dance\"}"));
        assertThat(e.fatal()).isFalse();
        assertThat(e.error().code()).isEqualTo("unknown-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"type\":7}",
            "{\"type\":\"offer\"}",
            "{\"type\":\"offer\",\"sdp\":\"\"}",
            "{\"type\":\"offer\",\"sdp\":3}",
            "{\"type\":\"offer\",\"sdp\":\"v=0\",\"to\":5}",
            "{\"type\":\"answer\",\"sdp\":null}",
            "{\"type\":\"candidate\"}",
            "{\"type\":\"candidate\",\"candidate\":\"candidate:1\"}",
            "{\"type\":\"candidate\",\"candidate\":{\"sdpMid\":\"0\"}}",
            "{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"\",\"sdpMLineIndex\":-1}}",
            "{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"\",\"sdpMLineIndex\":1.5}}",
            "{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"\",\"sdpMid\":0}}",
            "{\"type\":\"admit\"}",
            "{\"type\":\"admit\",\"participantId\":\" \"}",
            "{\"type\":\"connection\"}",
            "{\"type\":\"connection\",\"relayed\":\"yes\"}"})
    void rejectsMissingOrIllTypedFieldsWithoutClosing(String frame) {
        BadFrameException e = catchThrowableOfType(BadFrameException.class, () -> FrameDecoder.decode(frame));
        assertThat(e.fatal()).isFalse();
        assertThat(e.error().code()).isEqualTo("bad-message");
    }

    @Test
    void errorMessagesNeverQuoteTheFrame() {
        assertThatThrownBy(() -> FrameDecoder.decode("{\"type\":\"offer\",\"sdp\":12345678}"))
                .isInstanceOf(BadFrameException.class)
                .satisfies(e -> assertThat(((BadFrameException) e).error().message()).doesNotContain("12345678"));
        assertThatThrownBy(() -> FrameDecoder.decode("{\"secret-ip 192.0.2.1"))
                .satisfies(e -> assertThat(((BadFrameException) e).error().message()).doesNotContain("192.0.2.1"));
    }

    @Test
    void negotiationMessagesDoNotShowSdpOrCandidatesInToString() {
        assertThat(new ClientMessage.Offer("v=0 192.0.2.1", null).toString()).doesNotContain("192.0.2.1");
        assertThat(new ClientMessage.Candidate(new IceCandidate("192.0.2.1", "0", 0, null), null).toString())
                .doesNotContain("192.0.2.1");
    }
}
