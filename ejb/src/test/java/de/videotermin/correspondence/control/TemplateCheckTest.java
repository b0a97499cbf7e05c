package de.videotermin.correspondence.control;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.correspondence.entity.MessageKind;
import org.junit.jupiter.api.Test;

class TemplateCheckTest {

    @Test
    void acceptsAnInvitationWithTheLinkInBothBodies() {
        assertThat(TemplateCheck.check(MessageKind.INVITATION, "Termin am {{date}}", "Hallo {{citizenName}}, {{link}}",
                "<p><a href=\"{{link}}\">{{link}}</a></p>")).isEmpty();
    }

    @Test
    void refusesAnInvitationWithoutThePersonalLink() {
        assertThat(TemplateCheck.check(MessageKind.INVITATION, "Termin", "Hallo {{citizenName}}", "<p>{{link}}</p>"))
                .containsExactly(new TemplateCheck.Problem("linkMissing", "text", "link"));
        assertThat(TemplateCheck.check(MessageKind.INVITATION, "Termin", "{{link}}", "<p>Hallo</p>"))
                .containsExactly(new TemplateCheck.Problem("linkMissing", "html", "link"));
    }

    @Test
    void refusesUnknownAndMisspelledPlaceholdersWhereverTheyAre() {
        assertThat(TemplateCheck.check(MessageKind.REMINDER, "Am {{datum}}", "Hallo {{ citizenName }}", ""))
                .extracting(TemplateCheck.Problem::reason, TemplateCheck.Problem::part, TemplateCheck.Problem::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unknownPlaceholder", "subject", "datum"),
                        org.assertj.core.groups.Tuple.tuple("unknownPlaceholder", "text", " citizenName "));
    }

    @Test
    void refusesTheLinkInMessagesSentAfterTheInvitation() {
        assertThat(TemplateCheck.check(MessageKind.UPDATE, "Verlegt", "Neuer Link: {{link}}", ""))
                .containsExactly(new TemplateCheck.Problem("linkNotAvailable", "text", "link"));
    }

    @Test
    void aLetterNeedsTheLinkInItsTextButNoHtml() {
        assertThat(TemplateCheck.check(MessageKind.LETTER, "Einladung", "Bitte öffnen: {{link}}", "")).isEmpty();
        assertThat(TemplateCheck.check(MessageKind.LETTER, "Einladung", "Bitte kommen", ""))
                .containsExactly(new TemplateCheck.Problem("linkMissing", "text", "link"));
    }

    @Test
    void requiresSubjectAndText() {
        assertThat(TemplateCheck.check(MessageKind.REMINDER, " ", "", null))
                .extracting(TemplateCheck.Problem::reason).containsExactly("required", "required");
    }
}
