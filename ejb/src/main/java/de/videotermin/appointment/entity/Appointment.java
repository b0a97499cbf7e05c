package de.videotermin.appointment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "appointment")
@NamedQuery(name = Appointment.BY_ADVISOR_FROM,
        query = "select a from Appointment a where a.advisorUsername = :advisor and a.startsAt >= :from order by a.startsAt")
@NamedQuery(name = Appointment.BY_LINK_TOKEN_HASH,
        query = "select a from Appointment a where a.linkTokenHash = :hash")
@NamedQuery(name = Appointment.BY_ROOM,
        query = "select a from Appointment a where a.roomId = :roomId")
public class Appointment {

    public static final String BY_ADVISOR_FROM = "Appointment.byAdvisorFrom";
    public static final String BY_LINK_TOKEN_HASH = "Appointment.byLinkTokenHash";
    public static final String BY_ROOM = "Appointment.byRoom";

    @Id
    private UUID id;

    @Column(name = "room_id", nullable = false, unique = true)
    private String roomId;

    @Column(name = "link_token_hash", nullable = false, unique = true)
    private String linkTokenHash;

    @Column(name = "advisor_username", nullable = false)
    private String advisorUsername;

    @Column(name = "advisor_name", nullable = false)
    private String advisorName;

    @Column(name = "citizen_name", nullable = false)
    private String citizenName;

    @Column(name = "citizen_email")
    private String citizenEmail;

    @Enumerated(EnumType.STRING)
    @Column(name = "legal_area", nullable = false)
    private LegalArea legalArea;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AppointmentStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Appointment() {
        // JPA
    }

    public Appointment(String roomId, String linkTokenHash, String advisorUsername, String advisorName,
                       String citizenName, String citizenEmail, LegalArea legalArea, Instant startsAt,
                       int durationMinutes, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.roomId = Objects.requireNonNull(roomId);
        this.linkTokenHash = Objects.requireNonNull(linkTokenHash);
        this.advisorUsername = Objects.requireNonNull(advisorUsername);
        this.advisorName = Objects.requireNonNull(advisorName);
        this.citizenName = Objects.requireNonNull(citizenName);
        this.citizenEmail = citizenEmail;
        this.legalArea = Objects.requireNonNull(legalArea);
        this.startsAt = Objects.requireNonNull(startsAt);
        this.durationMinutes = durationMinutes;
        this.status = AppointmentStatus.PLANNED;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public boolean isHeldBy(String username) {
        return advisorUsername.equals(username);
    }

    /** A new link replaces the old one; the old link stops working at once. */
    public void replaceLinkTokenHash(String newHash) {
        this.linkTokenHash = Objects.requireNonNull(newHash);
    }

    public void callStarted() {
        if (status == AppointmentStatus.PLANNED || status == AppointmentStatus.DONE) {
            status = AppointmentStatus.IN_PROGRESS;
        }
    }

    public void callEnded() {
        if (status == AppointmentStatus.IN_PROGRESS) {
            status = AppointmentStatus.DONE;
        }
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    public UUID getId() { return id; }
    public String getRoomId() { return roomId; }
    public String getAdvisorUsername() { return advisorUsername; }
    public String getAdvisorName() { return advisorName; }
    public String getCitizenName() { return citizenName; }
    public String getCitizenEmail() { return citizenEmail; }
    public LegalArea getLegalArea() { return legalArea; }
    public Instant getStartsAt() { return startsAt; }
    public int getDurationMinutes() { return durationMinutes; }
    public AppointmentStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
}
