package de.videotermin.correspondence.boundary;

import de.videotermin.appointment.boundary.AppointmentChange;
import de.videotermin.appointment.entity.Appointment;
import de.videotermin.correspondence.control.CalendarFiles;
import de.videotermin.correspondence.control.Letters;
import de.videotermin.correspondence.control.MailSettings;
import de.videotermin.correspondence.control.TemplateRenderer;
import de.videotermin.correspondence.entity.MailTemplate;
import de.videotermin.correspondence.entity.MessageKind;
import de.videotermin.correspondence.entity.OutboxMessage;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Writes the messages about appointments into the outbox, in the appointment's transaction. */
@Stateless
public class Correspondence {

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "videotermin.base-url")
    String baseUrl;

    @Inject
    Event<OutboxFilled> filled;

    private final Clock clock = Clock.systemUTC();

    /** Fired after a message was queued; the dispatcher sends right after the commit. */
    public record OutboxFilled() {
    }

    public void on(@Observes AppointmentChange change) {
        Appointment a = change.appointment();
        if (change instanceof AppointmentChange.Booked booked) {
            if (a.getCitizenEmail() != null) {
                queueEmail(a, MessageKind.INVITATION, "INVITATION:" + a.getId(), booked.linkToken());
            } else {
                queueLetter(a, booked.linkToken());
            }
        } else if (change instanceof AppointmentChange.Rescheduled && a.getCitizenEmail() != null) {
            queueEmail(a, MessageKind.UPDATE, "UPDATE:" + a.getId() + ":" + a.getCalendarSequence(), null);
        } else if (change instanceof AppointmentChange.Cancelled && a.getCitizenEmail() != null) {
            queueEmail(a, MessageKind.CANCELLATION, "CANCELLATION:" + a.getId(), null);
        }
    }

    /** A reminder {@code offsetMinutes} before the start; at most one per appointment, start and offset. */
    public boolean queueReminder(Appointment a, int offsetMinutes) {
        String key = "REMINDER:" + a.getId() + ":" + a.getStartsAt().getEpochSecond() + ":" + offsetMinutes;
        Long existing = em.createQuery("select count(m) from OutboxMessage m where m.dedupeKey = :k", Long.class)
                .setParameter("k", key).getSingleResult();
        if (existing > 0) {
            return false;
        }
        queueEmail(a, MessageKind.REMINDER, key, null);
        return true;
    }

    /** What was sent about an appointment, and when: the advisor's view of the outbox. */
    public List<OutboxMessage> history(UUID appointmentId) {
        return em.createQuery("select m from OutboxMessage m where m.appointmentId = :a order by m.createdAt", OutboxMessage.class)
                .setParameter("a", appointmentId).getResultList();
    }

    public OutboxMessage message(UUID id) {
        return em.find(OutboxMessage.class, id);
    }

    private void queueEmail(Appointment a, MessageKind kind, String dedupeKey, String linkToken) {
        MailTemplate template = template(kind, a.getLegalAreaCode(), a.getCitizenLanguage());
        Map<String, String> values = values(a, linkToken);
        String subject = TemplateRenderer.text(template.getSubject(), values);
        String text = TemplateRenderer.text(template.getBodyText(), values);
        String html = TemplateRenderer.html(template.getBodyHtml(), values);
        String ics = null;
        if (kind != MessageKind.REMINDER) {
            MailSettings settings = MailSettings.current();
            boolean cancelled = kind == MessageKind.CANCELLATION;
            ics = CalendarFiles.write(new CalendarFiles.Entry(CalendarFiles.uid(a.getId()), a.getCalendarSequence(),
                    a.getStartsAt(), a.endsAt(), subject, null, linkToken == null ? null : values.get("link"),
                    settings.from(), a.getCitizenEmail(), cancelled));
        }
        em.persist(OutboxMessage.email(a.getId(), kind, dedupeKey, a.getCitizenEmail(), subject, text, html, ics, clock.instant()));
        filled.fire(new OutboxFilled());
    }

    private void queueLetter(Appointment a, String linkToken) {
        MailTemplate template = template(MessageKind.LETTER, a.getLegalAreaCode(), a.getCitizenLanguage());
        Map<String, String> values = values(a, linkToken);
        String title = TemplateRenderer.text(template.getSubject(), values);
        String body = TemplateRenderer.text(template.getBodyText(), values);
        byte[] pdf = Letters.write(MailSettings.current().fromName(), a.getCitizenName() + "\n"
                + (a.getPostalAddress() == null ? "" : a.getPostalAddress()), title, body);
        em.persist(OutboxMessage.letter(a.getId(), "LETTER:" + a.getId() + ":" + clock.instant().toEpochMilli(), title, pdf,
                clock.instant()));
    }

    /** The most specific template: legal area and language, then any area, then German. */
    MailTemplate template(MessageKind kind, String legalArea, String language) {
        for (String[] candidate : new String[][]{{legalArea, language}, {MailTemplate.ANY_AREA, language},
                {MailTemplate.ANY_AREA, "de"}}) {
            List<MailTemplate> found = em.createQuery("select t from MailTemplate t where t.kind = :k and t.legalArea = :a"
                            + " and t.language = :l", MailTemplate.class)
                    .setParameter("k", kind).setParameter("a", candidate[0]).setParameter("l", candidate[1]).getResultList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new IllegalStateException("no template for " + kind);
    }

    private Map<String, String> values(Appointment a, String linkToken) {
        Locale locale = "en".equals(a.getCitizenLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        Instant start = a.getStartsAt();
        var zoned = start.atZone(CalendarFiles.ZONE);
        Map<String, String> v = new HashMap<>();
        v.put("citizenName", a.getCitizenName());
        v.put("advisorName", a.getAdvisorName());
        v.put("legalArea", legalAreaName(a.getLegalAreaCode(), a.getCitizenLanguage()));
        v.put("date", zoned.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)));
        v.put("time", zoned.format(DateTimeFormatter.ofPattern("HH:mm")));
        v.put("duration", String.valueOf(a.getDurationMinutes()));
        v.put("topic", a.getTopic() == null ? "" : a.getTopic());
        v.put("extraInfo", a.getExtraInfo() == null ? "" : a.getExtraInfo());
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (linkToken != null) {
            v.put("link", base + "/t/" + linkToken);
            v.put("manageLink", base + "/citizen/manage.xhtml?t=" + linkToken);
        }
        return v;
    }

    private String legalAreaName(String code, String language) {
        List<String> names = em.createQuery("select case when :l = 'en' then l.nameEn else l.nameDe end"
                        + " from LegalAreaEntry l where l.code = :c", String.class)
                .setParameter("l", language).setParameter("c", code).getResultList();
        return names.isEmpty() ? code : names.get(0);
    }
}
