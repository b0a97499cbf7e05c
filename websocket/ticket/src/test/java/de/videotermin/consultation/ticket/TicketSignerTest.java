package de.videotermin.consultation.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TicketSignerTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";
    private final Instant now = Instant.parse("2026-11-27T10:00:00Z");
    private final TicketSigner signer = new TicketSigner(SECRET, Clock.fixed(now, ZoneOffset.UTC));

    private JoinTicket citizenTicket(Duration validFor) {
        return new JoinTicket("room-1", Role.CITIZEN, "p-1", "Bürgerin", now.plus(validFor));
    }

    @Test
    void roundTripsAValidTicket() {
        JoinTicket ticket = citizenTicket(Duration.ofMinutes(5));
        assertThat(signer.verifyFor(signer.sign(ticket), "room-1")).isEqualTo(ticket);
    }

    @Test
    void rejectsExpiredTicket() {
        String encoded = signer.sign(citizenTicket(Duration.ZERO));
        assertThatThrownBy(() -> signer.verify(encoded))
                .isInstanceOfSatisfying(InvalidTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTicketException.Reason.EXPIRED));
    }

    @Test
    void rejectsTicketForAnotherRoom() {
        String encoded = signer.sign(citizenTicket(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> signer.verifyFor(encoded, "room-2"))
                .isInstanceOfSatisfying(InvalidTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTicketException.Reason.WRONG_ROOM));
    }

    @Test
    void rejectsTamperedRole() {
        String encoded = signer.sign(citizenTicket(Duration.ofMinutes(5)));
        String forgedClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(encoded.substring(0, encoded.indexOf('.'))))
                        .replace("CITIZEN", "ADVISOR").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String forged = forgedClaims + encoded.substring(encoded.indexOf('.'));
        assertThatThrownBy(() -> signer.verify(forged))
                .isInstanceOfSatisfying(InvalidTicketException.class,
                        e -> assertThat(e.reason()).isEqualTo(InvalidTicketException.Reason.BAD_SIGNATURE));
    }

    @Test
    void rejectsTicketSignedWithAnotherSecret() {
        String foreign = new TicketSigner("another-secret-another-secret-another", Clock.fixed(now, ZoneOffset.UTC))
                .sign(citizenTicket(Duration.ofMinutes(5)));
        assertThatThrownBy(() -> signer.verify(foreign)).isInstanceOf(InvalidTicketException.class);
    }

    @Test
    void rejectsGarbage() {
        for (String garbage : new String[]{"", "abc", "a.b.c", "!!!.###", "x".repeat(5000)}) {
            assertThatThrownBy(() -> signer.verify(garbage))
                    .isInstanceOfSatisfying(InvalidTicketException.class,
                            e -> assertThat(e.reason()).isIn(InvalidTicketException.Reason.MALFORMED,
                                    InvalidTicketException.Reason.BAD_SIGNATURE));
        }
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> new TicketSigner("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
