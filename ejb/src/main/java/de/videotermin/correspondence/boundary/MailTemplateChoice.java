package de.videotermin.correspondence.boundary;

import de.videotermin.correspondence.entity.MailTemplate;
import de.videotermin.correspondence.entity.MessageKind;
import java.util.Collection;

/** The most specific template: legal area and language, then any area in that language, then any area in German. */
final class MailTemplateChoice {

    private MailTemplateChoice() {
    }

    static MailTemplate choose(Collection<MailTemplate> templates, MessageKind kind, String legalArea, String language) {
        for (String[] candidate : new String[][]{{legalArea, language}, {MailTemplate.ANY_AREA, language},
                {MailTemplate.ANY_AREA, "de"}}) {
            for (MailTemplate t : templates) {
                if (t.getKind() == kind && t.getLegalArea().equals(candidate[0]) && t.getLanguage().equals(candidate[1])) {
                    return t;
                }
            }
        }
        throw new IllegalStateException("no template for " + kind);
    }
}
