package de.videotermin.correspondence.boundary;

import de.videotermin.appointment.boundary.Sites;
import de.videotermin.appointment.entity.LegalAreaEntry;
import de.videotermin.audit.boundary.AuditTrail;
import de.videotermin.correspondence.control.CalendarFiles;
import de.videotermin.correspondence.control.TemplateCheck;
import de.videotermin.correspondence.control.TemplateRenderer;
import de.videotermin.correspondence.entity.MailTemplate;
import de.videotermin.correspondence.entity.MessageKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The admin role's templates: list, check, preview with sample data, edit, and add one for a legal
 * area. A template is saved only when {@link TemplateCheck} finds nothing; every change is in the
 * audit trail. Messages are rendered when they are sent, so an edit applies to the next message.
 */
@Stateless
public class MailTemplates {

    public static final Set<String> LANGUAGES = Set.of("de", "en");

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    Sites sites;

    @Inject
    @ConfigProperty(name = "videotermin.base-url")
    String baseUrl;

    /** What a message made from a template looks like. */
    public record Preview(String subject, String text, String html) implements java.io.Serializable {
        // bean getters for the page: Expression Language 5 (Jakarta EE 10) does not see record components
        public String getSubject() { return subject; }
        public String getText() { return text; }
        public String getHtml() { return html; }
    }

    public List<MailTemplate> all() {
        return em.createQuery("select t from MailTemplate t order by t.kind, t.legalArea, t.language", MailTemplate.class)
                .getResultList();
    }

    public MailTemplate find(@NotNull Long id) {
        return em.find(MailTemplate.class, id);
    }

    public MailTemplate edit(@NotNull Long id, String subject, String bodyText, String bodyHtml, @NotNull String editor) {
        MailTemplate template = em.find(MailTemplate.class, id);
        if (template == null) {
            throw new IllegalArgumentException("no template " + id);
        }
        List<TemplateCheck.Problem> problems = TemplateCheck.check(template.getKind(), subject, bodyText, bodyHtml);
        if (!problems.isEmpty()) {
            throw new TemplateRejectedException(problems);
        }
        template.edit(subject.strip(), bodyText, bodyHtml, editor, Instant.now());
        audit.record(editor, "template.edited", null, describe(template));
        return template;
    }

    /**
     * A template of its own for a legal area and language, starting as a copy of the one used so far
     * (the general one). Returns the existing one if there is one already.
     */
    public MailTemplate addFor(@NotNull MessageKind kind, @NotNull String legalArea, @NotNull String language,
                               @NotNull String editor) {
        if (!LANGUAGES.contains(language) || (!MailTemplate.ANY_AREA.equals(legalArea) && sites.legalArea(legalArea) == null)) {
            throw new IllegalArgumentException("unknown legal area or language");
        }
        List<MailTemplate> existing = em.createQuery("select t from MailTemplate t where t.kind = :k and t.legalArea = :a"
                        + " and t.language = :l", MailTemplate.class)
                .setParameter("k", kind).setParameter("a", legalArea).setParameter("l", language).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        MailTemplate base = MailTemplateChoice.choose(all(), kind, legalArea, language);
        MailTemplate template = new MailTemplate(kind, legalArea, language);
        template.edit(base.getSubject(), base.getBodyText(), base.getBodyHtml(), editor, Instant.now());
        em.persist(template);
        audit.record(editor, "template.added", null, describe(template));
        return template;
    }

    /** Renders a (possibly unsaved) template with sample data: a citizen, next Monday 10:00, a link. */
    public Preview preview(MessageKind kind, String legalArea, String language, String subject, String bodyText,
                           String bodyHtml) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.GERMAN;
        ZonedDateTime start = ZonedDateTime.of(LocalDate.now(CalendarFiles.ZONE).with(TemporalAdjusters.next(DayOfWeek.MONDAY)),
                LocalTime.of(10, 0), CalendarFiles.ZONE);
        LegalAreaEntry area = sites.legalArea(legalArea);
        Map<String, String> v = new HashMap<>();
        v.put("citizenName", "Erika Musterfrau");
        v.put("advisorName", "Anna Berger");
        v.put("legalArea", area == null ? ("en".equals(language) ? "Career guidance" : "Berufsberatung") : area.name(language));
        v.put("date", start.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)));
        v.put("time", start.format(DateTimeFormatter.ofPattern("HH:mm")));
        v.put("duration", "30");
        v.put("topic", "en".equals(language) ? "Choosing a vocational training" : "Wahl einer Ausbildung");
        v.put("extraInfo", "en".equals(language) ? "Please have your last school report at hand."
                : "Bitte halten Sie Ihr letztes Zeugnis bereit.");
        if (kind == MessageKind.GUEST_INVITATION) {
            v.put("guestName", "Maria Dolmetsch");
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            v.put("link", base + "/g/SAMPLE-LINK?lang=" + language);
            v.put("privacyLink", base + "/guest/privacy.xhtml?g=SAMPLE-LINK&lang=" + language);
        } else if (TemplateCheck.carriesLink(kind)) {
            String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
            v.put("link", base + "/t/SAMPLE-LINK");
            v.put("manageLink", base + "/citizen/manage.xhtml?t=SAMPLE-LINK");
        }
        return new Preview(TemplateRenderer.text(subject, v), TemplateRenderer.text(bodyText, v),
                TemplateRenderer.html(bodyHtml, v));
    }

    private static String describe(MailTemplate t) {
        return t.getKind() + "/" + t.getLegalArea() + "/" + t.getLanguage();
    }
}
