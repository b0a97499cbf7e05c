package de.videotermin.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One more person the advisor invited for an appointment: an interpreter, a relative, a colleague.
 * Their link is stored only as a hash; revoking the invitation closes the link and the room to them.
 */
@Entity
@Table(name = "guest_invitation")
@NamedQuery(name = GuestInvitation.BY_TOKEN_HASH,
        query = "select g from GuestInvitation g where g.tokenHash = :hash")
@NamedQuery(name = GuestInvitation.ACTIVE_FOR_APPOINTMENT,
        query = "select g from GuestInvitation g where g.appointmentId = :appointmentId and g.revokedAt is null")
public class GuestInvitation {

    public static final String BY_TOKEN_HASH = "GuestInvitation.byTokenHash";
    public static final String ACTIVE_FOR_APPOINTMENT = "GuestInvitation.activeForAppointment";

    @Id
    private UUID id;

    @Column(name = "appointment_id", nullable = false, updatable = false)
    private UUID appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private GuestKind kind;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;

    /** The guest's pseudonymous id in the room (the join ticket's participant id). */
    @Column(name = "participant_id", nullable = false, updatable = false)
    private String participantId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /**
     * Where the outbox sends the invitation, if the advisor gave an address; personal data, erased by
     * retention together with the name.
     */
    @Column(length = 254)
    private String email;

    protected GuestInvitation() {
    }

    public GuestInvitation(UUID appointmentId, GuestKind kind, String displayName, String language, String tokenHash,
                           String participantId, Instant createdAt, String createdBy) {
        this.id = UUID.randomUUID();
        this.appointmentId = Objects.requireNonNull(appointmentId);
        this.kind = Objects.requireNonNull(kind);
        this.displayName = Objects.requireNonNull(displayName);
        this.language = Objects.requireNonNull(language);
        this.tokenHash = Objects.requireNonNull(tokenHash);
        this.participantId = Objects.requireNonNull(participantId);
        this.createdAt = Objects.requireNonNull(createdAt);
        this.createdBy = Objects.requireNonNull(createdBy);
    }

    /** An invitation the outbox also sends by e-mail to {@code email} (null: the advisor passes the link on). */
    public GuestInvitation(UUID appointmentId, GuestKind kind, String displayName, String language, String tokenHash,
                           String participantId, Instant createdAt, String createdBy, String email) {
        this(appointmentId, kind, displayName, language, tokenHash, participantId, createdAt, createdBy);
        this.email = email;
    }

    public void revoke(Instant at) {
        if (revokedAt == null) {
            revokedAt = at;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public UUID getId() { return id; }
    public UUID getAppointmentId() { return appointmentId; }
    public GuestKind getKind() { return kind; }
    public String getDisplayName() { return displayName; }
    public String getLanguage() { return language; }
    public String getParticipantId() { return participantId; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getEmail() { return email; }
}
