package de.videotermin.correspondence.control;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.appointment.entity.Appointment;
import de.videotermin.correspondence.entity.MailTemplate;
import de.videotermin.correspondence.entity.MessageKind;
import java.time.Instant;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The guest's invitation: the guest's language, the appointment's time, the guest's own links, escaped HTML. */
class GuestInvitationRenderingTest {

    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    private final Appointment appointment = new Appointment("room-1", "hash", "anna.berger", "Anna Berger",
            "Erika Musterfrau", "erika@example.org", "CAREER_GUIDANCE",
            ZonedDateTime.parse("2026-12-07T10:30:00+01:00[Europe/Berlin]").toInstant(), 45, Instant.EPOCH);

    private static MailTemplate template(String language, String subject, String text, String html) {
        MailTemplate t = new MailTemplate(MessageKind.GUEST_INVITATION, "*", language);
        t.edit(subject, text, html, "test", Instant.EPOCH);
        return t;
    }

    @Test
    void germanGuestGetsGermanDateTheirLinkAndTheirReceipt() {
        MessageRenderer.Rendered r = MessageRenderer.renderForGuest(
                template("de", "Einladung am {{date}} um {{time}} Uhr", "Guten Tag {{guestName}}, {{advisorName}} ({{legalArea}}), "
                        + "{{duration}} Minuten: {{link}} – {{privacyLink}}", "<a href=\"{{link}}\">{{guestName}}</a>"),
                appointment, "Şükrü <Dolmetscher>", "de", TOKEN, "Berufsberatung", "https://termin.example.org/");
        assertThat(r.subject()).isEqualTo("Einladung am Montag, 7. Dezember 2026 um 10:30 Uhr");
        assertThat(r.text()).contains("Guten Tag Şükrü <Dolmetscher>, Anna Berger (Berufsberatung), 45 Minuten")
                .contains("https://termin.example.org/g/" + TOKEN + "?lang=de")
                .contains("https://termin.example.org/guest/privacy.xhtml?g=" + TOKEN + "&lang=de")
                .doesNotContain("Erika").doesNotContain("/t/");
        assertThat(r.html()).contains("Şükrü &lt;Dolmetscher&gt;").doesNotContain("<Dolmetscher>");
        assertThat(r.ics()).as("no calendar entry: the guest gets no updates").isNull();
    }

    @Test
    void englishGuestGetsEnglishDate() {
        MessageRenderer.Rendered r = MessageRenderer.renderForGuest(template("en", "On {{date}} at {{time}}", "{{link}}", ""),
                appointment, "Maria", "en", TOKEN, "Career guidance", "http://localhost:8080");
        assertThat(r.subject()).isEqualTo("On Monday, December 7, 2026 at 10:30");
        assertThat(r.text()).isEqualTo("http://localhost:8080/g/" + TOKEN + "?lang=en");
    }

    @Test
    void guestTemplatesMayUseTheGuestsPlaceholdersOnlyAndMustCarryTheLink() {
        assertThat(TemplateCheck.check(MessageKind.GUEST_INVITATION, "Einladung {{date}}", "{{guestName}}: {{link}} {{privacyLink}}",
                "<a href=\"{{link}}\">{{link}}</a>")).isEmpty();
        assertThat(TemplateCheck.check(MessageKind.GUEST_INVITATION, "Einladung", "{{citizenName}} {{link}}", ""))
                .extracting(TemplateCheck.Problem::reason, TemplateCheck.Problem::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("unknownPlaceholder", "citizenName"));
        assertThat(TemplateCheck.check(MessageKind.GUEST_INVITATION, "Einladung", "{{guestName}}", ""))
                .extracting(TemplateCheck.Problem::reason).containsExactly("linkMissing");
        assertThat(TemplateCheck.check(MessageKind.INVITATION, "x", "{{guestName}} {{link}}", ""))
                .extracting(TemplateCheck.Problem::reason).containsExactly("unknownPlaceholder");
    }
}
