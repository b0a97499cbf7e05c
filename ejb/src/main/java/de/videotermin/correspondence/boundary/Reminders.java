package de.videotermin.correspondence.boundary;

import de.videotermin.appointment.entity.Appointment;
import de.videotermin.appointment.entity.AppointmentStatus;
import de.videotermin.correspondence.control.MailSettings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reminders before an appointment, at the configured offsets (videotermin.mail.reminder.offsets-minutes,
 * default the day before and one hour before). When several offsets are due at once (booked at short
 * notice), only the nearest is sent. Each (appointment, start, offset) is reminded at most once; a
 * rescheduled appointment is reminded again for its new time.
 */
@Stateless
public class Reminders {

    @PersistenceContext
    EntityManager em;

    @Inject
    Correspondence correspondence;

    Clock clock = Clock.systemUTC();

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int scan() {
        List<Integer> offsets = MailSettings.current().reminderOffsetsMinutes();
        if (offsets.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        int widest = offsets.get(offsets.size() - 1);
        List<Appointment> soon = em.createQuery("select a from Appointment a where a.status in :open"
                        + " and a.citizenEmail is not null and a.startsAt > :now and a.startsAt <= :until", Appointment.class)
                .setParameter("open", List.of(AppointmentStatus.PLANNED, AppointmentStatus.INVITED))
                .setParameter("now", now)
                .setParameter("until", now.plus(Duration.ofMinutes(widest)))
                .getResultList();
        int queued = 0;
        for (Appointment a : soon) {
            long minutesLeft = Duration.between(now, a.getStartsAt()).toMinutes();
            Integer due = offsets.stream().filter(o -> o >= minutesLeft).findFirst().orElse(null);
            if (due != null && correspondence.queueReminder(a, due)) {
                queued++;
            }
        }
        return queued;
    }
}
