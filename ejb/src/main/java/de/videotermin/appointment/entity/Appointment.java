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
@NamedQuery(name = Appointment.BY_IDEMPOTENCY_KEY,
        query = "select a from Appointment a where a.createdBy = :createdBy and a.idempotencyKey = :key")
@NamedQuery(name = Appointment.BY_ADVISOR_BETWEEN,
        query = "select a from Appointment a where a.advisorUsername = :advisor and a.startsAt >= :from and a.startsAt < :to order by a.startsAt")
public class Appointment {

    public static final String BY_ADVISOR_FROM = "Appointment.byAdvisorFrom";
    public static final String BY_LINK_TOKEN_HASH = "Appointment.byLinkTokenHash";
    public static final String BY_ROOM = "Appointment.byRoom";
    public static final String BY_IDEMPOTENCY_KEY = "Appointment.byIdempotencyKey";
    public static final String BY_ADVISOR_BETWEEN = "Appointment.byAdvisorBetween";

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

    /** A code of the table legal_area (reference data kept by the admin role). */
    @Column(name = "legal_area", nullable = false)
    private String legalArea;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "duration_minutes", nullable = false)
    private int durationMinutes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AppointmentStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Kept by a database trigger from starts_at and the duration; the exclusion constraint uses it. */
    @Column(name = "ends_at", insertable = false, updatable = false)
    private Instant endsAt;

    @Column(name = "site_code")
    private String siteCode;

    @Column(length = 200)
    private String topic;

    @Column(name = "extra_info", length = 2000)
    private String extraInfo;

    @Column(name = "citizen_language", nullable = false)
    private String citizenLanguage = "de";

    @Column(name = "postal_address", length = 500)
    private String postalAddress;

    /** The iCalendar SEQUENCE: raised on every reschedule and on cancellation (RFC 5545, 3.8.7.4). */
    @Column(name = "calendar_sequence", nullable = false)
    private int calendarSequence;

    @Column(name = "citizen_request", length = 500)
    private String citizenRequest;

    @Column(name = "citizen_request_at")
    private Instant citizenRequestAt;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "idempotency_key")
    private String idempotencyKey;

    @Column(name = "idempotency_hash")
    private String idempotencyHash;

    @Version
    private long version;

    protected Appointment() {
        // JPA
    }

    public Appointment(String roomId, String linkTokenHash, String advisorUsername, String advisorName,
                       String citizenName, String citizenEmail, String legalArea, Instant startsAt,
                       int durationMinutes, Instant createdAt) {
        this.id = de.videotermin.appointment.control.LinkTokens.newUuid();
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

    /** What {@link de.videotermin.appointment.boundary.Booking} adds beyond the first release's fields. */
    public void describe(String siteCode, String topic, String extraInfo, String citizenLanguage, String postalAddress) {
        this.siteCode = siteCode;
        this.topic = topic;
        this.extraInfo = extraInfo;
        this.citizenLanguage = citizenLanguage == null ? "de" : citizenLanguage;
        this.postalAddress = postalAddress;
    }

    public void createdThrough(String createdBy, String idempotencyKey, String idempotencyHash) {
        this.createdBy = createdBy;
        this.idempotencyKey = idempotencyKey;
        this.idempotencyHash = idempotencyHash;
    }

    /** Moves the appointment; the calendar entry the citizen has is updated (higher SEQUENCE). */
    public void reschedule(Instant newStart, int newDurationMinutes) {
        requireOpen();
        this.startsAt = Objects.requireNonNull(newStart);
        this.durationMinutes = newDurationMinutes;
        this.calendarSequence++;
        this.citizenRequest = null;
        this.citizenRequestAt = null;
    }

    public void cancel() {
        requireOpen();
        this.status = AppointmentStatus.CANCELLED;
        this.calendarSequence++;
    }

    /** The citizen asks (from their link) for another time; the advisor sees it in the agenda. */
    public void requestOtherTime(String message, Instant at) {
        requireOpen();
        this.citizenRequest = Objects.requireNonNull(message);
        this.citizenRequestAt = at;
    }

    public void invitationSent() {
        if (status == AppointmentStatus.PLANNED) {
            status = AppointmentStatus.INVITED;
        }
    }

    /** The citizen did not come. Only once the start time has passed: before it, nobody can have missed it. */
    public void markNoShow(Instant now) {
        requireOpen();
        if (now.isBefore(startsAt)) {
            throw new AppointmentNotStartedException();
        }
        status = AppointmentStatus.NO_SHOW;
    }

    /** Whether the advisor may record a no-show now. */
    public boolean mayBeMarkedNoShow(Instant now) {
        return status.isOpen() && !now.isBefore(startsAt);
    }

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new AppointmentClosedException(status);
        }
    }

    public void callStarted() {
        if (status.isOpen() || status == AppointmentStatus.DONE) {
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
    public String getLegalArea() { return legalArea; }
    public Instant getStartsAt() { return startsAt; }
    public int getDurationMinutes() { return durationMinutes; }
    public AppointmentStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    /** The legal area's code as data (the legal_area table); other components use this. */
    public String getLegalAreaCode() { return legalArea; }
    public Instant getEndsAt() { return endsAt(); }
    public String getSiteCode() { return siteCode; }
    public String getTopic() { return topic; }
    public String getExtraInfo() { return extraInfo; }
    public String getCitizenLanguage() { return citizenLanguage; }
    public String getPostalAddress() { return postalAddress; }
    public int getCalendarSequence() { return calendarSequence; }
    public String getCitizenRequest() { return citizenRequest; }
    public Instant getCitizenRequestAt() { return citizenRequestAt; }
    public String getCreatedBy() { return createdBy; }
    public String getIdempotencyHash() { return idempotencyHash; }
    public long getVersion() { return version; }
}
