package de.videotermin.correspondence.control;

import de.videotermin.appointment.entity.Appointment;
import de.videotermin.correspondence.entity.MailTemplate;
import de.videotermin.correspondence.entity.MessageKind;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a template and an appointment into the message the citizen gets: subject, plain text, HTML
 * and, for invitations, updates and cancellations, the calendar file. Runs where the message is
 * sent (the outbox), not in the booking's request, so that booking stays cheap and an edited template
 * applies to the next message.
 */
public final class MessageRenderer {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public record Rendered(String subject, String text, String html, String ics) {
    }

    private MessageRenderer() {
    }

    /**
     * @param linkToken the citizen's link token; only known for the invitation and the letter
     * @param legalAreaName the legal area's name in the citizen's language
     */
    public static Rendered render(MailTemplate template, Appointment a, String linkToken, String legalAreaName,
                                  String baseUrl, MailSettings settings) {
        Map<String, String> values = values(a, linkToken, legalAreaName, baseUrl);
        String subject = TemplateRenderer.text(template.getSubject(), values);
        String text = TemplateRenderer.text(template.getBodyText(), values);
        String html = TemplateRenderer.html(template.getBodyHtml(), values);
        String ics = null;
        MessageKind kind = template.getKind();
        if (kind == MessageKind.INVITATION || kind == MessageKind.UPDATE || kind == MessageKind.CANCELLATION) {
            ics = CalendarFiles.write(new CalendarFiles.Entry(CalendarFiles.uid(a.getId()), a.getCalendarSequence(),
                    a.getStartsAt(), a.endsAt(), subject, null, linkToken == null ? null : values.get("link"),
                    settings.from(), a.getCitizenEmail(), kind == MessageKind.CANCELLATION));
        }
        return new Rendered(subject, text, html, ics);
    }

    /**
     * A guest's invitation: the guest's name and language, the appointment's date and time, the advisor who
     * invites, the guest's link and the guest's privacy receipt. No calendar file: the guest gets no updates
     * when the appointment moves (the advisor tells them), so an entry in their calendar could go stale.
     */
    public static Rendered renderForGuest(MailTemplate template, Appointment a, String guestName, String language,
                                          String linkToken, String legalAreaName, String baseUrl) {
        Map<String, String> values = guestValues(a, guestName, language, linkToken, legalAreaName, baseUrl);
        return new Rendered(TemplateRenderer.text(template.getSubject(), values),
                TemplateRenderer.text(template.getBodyText(), values),
                TemplateRenderer.html(template.getBodyHtml(), values), null);
    }

    static Map<String, String> guestValues(Appointment a, String guestName, String language, String linkToken,
                                           String legalAreaName, String baseUrl) {
        String lang = "en".equals(language) ? "en" : "de";
        Locale locale = "en".equals(lang) ? Locale.ENGLISH : Locale.GERMAN;
        var zoned = a.getStartsAt().atZone(CalendarFiles.ZONE);
        Map<String, String> v = new HashMap<>();
        v.put("guestName", guestName);
        v.put("advisorName", a.getAdvisorName());
        v.put("legalArea", legalAreaName == null ? a.getLegalAreaCode() : legalAreaName);
        v.put("date", zoned.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)));
        v.put("time", zoned.format(TIME));
        v.put("duration", String.valueOf(a.getDurationMinutes()));
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (linkToken != null) {
            v.put("link", base + "/g/" + linkToken + "?lang=" + lang);
            v.put("privacyLink", base + "/guest/privacy.xhtml?g=" + linkToken + "&lang=" + lang);
        }
        return v;
    }

    static Map<String, String> values(Appointment a, String linkToken, String legalAreaName, String baseUrl) {
        Locale locale = "en".equals(a.getCitizenLanguage()) ? Locale.ENGLISH : Locale.GERMAN;
        var zoned = a.getStartsAt().atZone(CalendarFiles.ZONE);
        Map<String, String> v = new HashMap<>();
        v.put("citizenName", a.getCitizenName());
        v.put("advisorName", a.getAdvisorName());
        v.put("legalArea", legalAreaName == null ? a.getLegalAreaCode() : legalAreaName);
        v.put("date", zoned.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale)));
        v.put("time", zoned.format(TIME));
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
}
