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
@NamedQuery(name = ConsentText.LATEST_FOR_AREA,
        query = "select t from ConsentText t where t.language = :language and t.legalArea = :legalArea order by t.version desc")
@NamedQuery(name = ConsentText.LATEST_GENERAL,
        query = "select t from ConsentText t where t.language = :language and t.legalArea is null order by t.version desc")
public class ConsentText {

    public static final String LATEST_FOR_AREA = "ConsentText.latestForArea";
    public static final String LATEST_GENERAL = "ConsentText.latestGeneral";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false)
    private int version;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(nullable = false, updatable = false)
    private String body;

    /** The legal area this text is specific to; null for the text that applies to all areas. */
    @Column(name = "legal_area", updatable = false)
    private String legalArea;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected ConsentText() {
    }

    public Long getId() { return id; }
    public int getVersion() { return version; }
    public String getLanguage() { return language; }
    public String getBody() { return body; }
    public String getLegalArea() { return legalArea; }
    public Instant getCreatedAt() { return createdAt; }
}
