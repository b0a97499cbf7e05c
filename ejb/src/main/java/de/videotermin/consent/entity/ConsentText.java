package de.videotermin.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One version of the consent text in one language. Immutable once written. */
@Entity
@Table(name = "consent_text")
@NamedQuery(name = ConsentText.LATEST_IN_LANGUAGE,
        query = "select t from ConsentText t where t.language = :language order by t.version desc")
public class ConsentText {

    public static final String LATEST_IN_LANGUAGE = "ConsentText.latestInLanguage";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ConsentText() {
    }

    public Long getId() { return id; }
    public int getVersion() { return version; }
    public String getLanguage() { return language; }
    public String getBody() { return body; }
    public Instant getCreatedAt() { return createdAt; }
}
