package de.videotermin.audit.boundary;

import de.videotermin.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The append-only trail: record, and read for the admin role. */
@Stateless
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    private final Clock clock = Clock.systemUTC();

    /** In the caller's transaction: an action that rolls back leaves no audit event claiming it happened. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void record(String actor, String action, UUID appointmentId, String detail) {
        em.persist(new AuditEvent(clock.instant(), actor, action, appointmentId, detail));
    }

    public List<AuditEvent> latest(int max) {
        return em.createNamedQuery(AuditEvent.LATEST, AuditEvent.class).setMaxResults(max).getResultList();
    }

    public List<AuditEvent> forAppointment(UUID appointmentId) {
        return em.createNamedQuery(AuditEvent.FOR_APPOINTMENT, AuditEvent.class)
                .setParameter("appointmentId", appointmentId).getResultList();
    }
}
