package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    /** Strings with everything JSON must escape, non-ASCII and surrogate pairs. */
    private static final String[] AWKWARD = {
        "", "plain", "v=0\r\no=- 4611 2 IN IP4 127.0.0.1\r\ns=-\r\n", "quote \" backslash \\ slash /",
        "tab\tbell\u0007nul\u0000unit\u001f del\u007f", "Grüße, 你好, 😀 \u2028\u2029", "\b\f",
    };

    @Test
    void relayedFramesAreByteForByteWhatJsonPWrites() {
        for (String text : AWKWARD) {
            for (String from : new String[]{"a1", text}) {
                assertSame(new ServerMessage.RelayedOffer(from, text));
                assertSame(new ServerMessage.RelayedAnswer(from, text));
                assertSame(new ServerMessage.RelayedCandidate(from, new IceCandidate(text, text, 3, text)));
                assertSame(new ServerMessage.RelayedCandidate(from, new IceCandidate(text, null, null, null)));
                assertSame(new ServerMessage.RelayedCandidate(from, null));
            }
        }
    }

    @Test
    void randomTextIsEscapedLikeJsonP() {
        Random random = new Random(42);
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
            }
            assertSame(new ServerMessage.RelayedOffer("p" + n, text.toString()));
        }
    }

    @Test
    void otherFramesUseJsonP() {
        ServerMessage pong = new ServerMessage.Pong();
        assertThat(WireFormat.encode(pong)).isEqualTo("{\"type\":\"pong\"}");
        assertSame(FloodGuard.RATE_LIMITED);
    }

    private static void assertSame(ServerMessage message) {
        assertThat(WireFormat.encode(message)).isEqualTo(message.toJson().toString());
    }
}
