package de.videotermin.correspondence.boundary;

import de.videotermin.correspondence.entity.MailTemplate;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;

/** The admin role's templates: list and edit (the page checks the role). */
@Stateless
public class MailTemplates {

    @PersistenceContext
    EntityManager em;

    public List<MailTemplate> all() {
        return em.createQuery("select t from MailTemplate t order by t.kind, t.legalArea, t.language", MailTemplate.class)
                .getResultList();
    }

    public MailTemplate find(@NotNull Long id) {
        return em.find(MailTemplate.class, id);
    }

    public MailTemplate edit(@NotNull Long id, String subject, String bodyText, String bodyHtml, @NotNull String editor) {
        if (subject == null || subject.isBlank() || subject.length() > 300 || bodyText == null || bodyText.isBlank()) {
            throw new IllegalArgumentException("subject and text are required");
        }
        MailTemplate template = em.find(MailTemplate.class, id);
        if (template == null) {
            throw new IllegalArgumentException("no template " + id);
        }
        template.edit(subject, bodyText, bodyHtml, editor, Instant.now());
        return template;
    }
}
