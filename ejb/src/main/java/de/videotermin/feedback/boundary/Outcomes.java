package de.videotermin.feedback.boundary;

import de.videotermin.appointment.boundary.AdvisorIdentity;
import de.videotermin.appointment.boundary.Appointments;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.feedback.control.FeedbackMetrics;
import de.videotermin.feedback.entity.ConsultationOutcome;
import de.videotermin.feedback.entity.Outcome;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.Optional;

/** The advisor records what became of their own appointment; only their own. */
@Stateless
public class Outcomes {

    @PersistenceContext
    EntityManager em;

    @Inject
    Appointments appointments;

    @Inject
    FeedbackMetrics metrics;

    private final Clock clock = Clock.systemUTC();

    public Optional<Outcome> recorded(String roomId, @NotNull AdvisorIdentity advisor) {
        Appointment appointment = appointments.ownedRoom(roomId, advisor);
        return Optional.ofNullable(em.find(ConsultationOutcome.class, appointment.getId()))
                .map(ConsultationOutcome::getOutcome);
    }

    public void record(String roomId, @NotNull Outcome outcome, @NotNull AdvisorIdentity advisor) {
        Appointment appointment = appointments.ownedRoom(roomId, advisor);
        ConsultationOutcome existing = em.find(ConsultationOutcome.class, appointment.getId());
        if (existing == null) {
            em.persist(new ConsultationOutcome(appointment.getId(), outcome, clock.instant()));
        } else {
            existing.correct(outcome, clock.instant());
        }
        metrics.outcomeRecorded();
    }
}
