package de.videotermin.consultation.signalling;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.Role;
import de.videotermin.consultation.ticket.TicketSigner;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JoinTicketsTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef-test";

    @Test
    void renewedTicketOpensTheSameRoomForTheSameParticipantForAnotherFullValidity() {
        JoinTickets tickets = new JoinTickets();
        tickets.secret = SECRET;
        tickets.validitySeconds = 120;
        tickets.init();
        JoinTicket old = new JoinTicket("room-1", Role.CITIZEN, "p-7", "Erika", Instant.now().plusSeconds(5));

        JoinTicket renewed = tickets.verify(tickets.renew(old), "room-1");

        assertThat(renewed.participantId()).isEqualTo("p-7");
        assertThat(renewed.role()).isEqualTo(Role.CITIZEN);
        assertThat(renewed.displayName()).isEqualTo("Erika");
        assertThat(renewed.expiresAt()).isAfter(Instant.now().plusSeconds(110));
        // and it is signed with the shared secret, i.e. the pages' signer accepts it too
        assertThat(new TicketSigner(SECRET).verify(tickets.renew(old)).roomId()).isEqualTo("room-1");
    }
}
