package de.videotermin.consultation.signalling;

import de.videotermin.consultation.ticket.JoinTicket;
import de.videotermin.consultation.ticket.TicketSigner;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies join tickets with the secret shared with the EJBs ({@code videotermin.ticket.secret}, e.g.
 * from the environment variable {@code VIDEOTERMIN_TICKET_SECRET}). There is deliberately no default:
 * a missing or short secret fails the deployment instead of opening rooms to forged tickets.
 */
@ApplicationScoped
public class JoinTickets {

    @Inject
    @ConfigProperty(name = "videotermin.ticket.secret")
    String secret;

    /** As for the tickets the pages issue (the EJBs read the same key). */
    @Inject
    @ConfigProperty(name = "videotermin.ticket.validity-seconds", defaultValue = "120")
    long validitySeconds;

    private TicketSigner signer;

    @PostConstruct
    void init() {
        signer = new TicketSigner(secret);
        secret = null;
    }

    /** Creates the bean at deployment, so that a bad secret is reported then and not at the first join. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // the observer's only job is to instantiate this bean eagerly
    }

    /**
     * A fresh ticket for the same room, role and participant, valid as long as a newly issued one: sent over
     * the open socket so that a browser reconnecting later (node lost, network change) still gets in.
     */
    public String renew(JoinTicket ticket) {
        return signer.sign(new JoinTicket(ticket.roomId(), ticket.role(), ticket.participantId(), ticket.displayName(),
                java.time.Instant.now().plusSeconds(validitySeconds)));
    }

    long validitySeconds() {
        return validitySeconds;
    }

    /** @throws de.videotermin.consultation.ticket.InvalidTicketException if the ticket opens nothing here */
    public JoinTicket verify(String ticket, String roomId) {
        return signer.verifyFor(ticket, roomId);
    }

    /** Hands this instance itself to {@code receiver}: see {@link SignallingServices#direct}. */
    public void handOver(java.util.function.Consumer<JoinTickets> receiver) {
        receiver.accept(this);
    }
}
