package de.videotermin.correspondence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Subject and bodies of one kind of message for a legal area ('*' = any) and language; edited by the admin role. */
@Entity
@Table(name = "mail_template")
public class MailTemplate {

    public static final String ANY_AREA = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageKind kind;

    @Column(name = "legal_area", nullable = false)
    private String legalArea;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String subject;

    @Column(name = "body_text", nullable = false)
    private String bodyText;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected MailTemplate() {
        // JPA
    }

    public MailTemplate(MessageKind kind, String legalArea, String language) {
        this.kind = kind;
        this.legalArea = legalArea;
        this.language = language;
    }

    public void edit(String subject, String bodyText, String bodyHtml, String by, Instant at) {
        this.subject = subject;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml == null ? "" : bodyHtml;
        this.updatedBy = by;
        this.updatedAt = at;
    }

    public Long getId() { return id; }
    public MessageKind getKind() { return kind; }
    public String getLegalArea() { return legalArea; }
    public String getLanguage() { return language; }
    public String getSubject() { return subject; }
    public String getBodyText() { return bodyText; }
    public String getBodyHtml() { return bodyHtml; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
}
