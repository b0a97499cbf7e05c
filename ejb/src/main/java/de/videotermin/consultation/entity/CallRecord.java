package de.videotermin.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/** What happened to one call: when, how long, direct or relayed. No content, no addresses. */
@Entity
@Table(name = "call_record")
@NamedQuery(name = CallRecord.OPEN_FOR_APPOINTMENT,
        query = "select c from CallRecord c where c.appointmentId = :appointmentId and c.endedAt is null order by c.startedAt desc")
@NamedQuery(name = CallRecord.FOR_APPOINTMENT,
        query = "select c from CallRecord c where c.appointmentId = :appointmentId order by c.startedAt")
public class CallRecord {

    public static final String OPEN_FOR_APPOINTMENT = "CallRecord.openForAppointment";
    public static final String FOR_APPOINTMENT = "CallRecord.forAppointment";

    public enum ConnectionType { DIRECT, RELAYED }

    @Id
    private UUID id;

    @Column(name = "appointment_id", nullable = false, updatable = false)
    private UUID appointmentId;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_seconds")
    private Integer durationSeconds;

    @Column(name = "connection_type")
    private String connectionType;

    /** How often a participant's connection came back during the call (reconnect, reload, ICE restart). */
    @Column(nullable = false)
    private int reconnects;

    @Column(name = "quality_changes", nullable = false)
    private int qualityChanges;

    @Column(name = "low_quality_used", nullable = false)
    private boolean lowQualityUsed;

    @Column(name = "audio_only_used", nullable = false)
    private boolean audioOnlyUsed;

    /** Milliseconds from entering the room to the first remote video frame (the earliest report). */
    @Column(name = "first_frame_ms")
    private Integer firstFrameMs;

    protected CallRecord() {
    }

    public CallRecord(UUID appointmentId, Instant startedAt) {
        this.id = UUID.randomUUID();
        this.appointmentId = Objects.requireNonNull(appointmentId);
        // Milliseconds: PostgreSQL keeps microseconds and rounds, which would shift durations by a second.
        this.startedAt = Objects.requireNonNull(startedAt).truncatedTo(ChronoUnit.MILLIS);
    }

    /** Once any leg was relayed, the call counts as relayed. */
    public void connected(ConnectionType type) {
        if (connectionType == null || type == ConnectionType.RELAYED) {
            connectionType = type.name();
        }
    }

    public void reconnected() {
        reconnects++;
    }

    /** @param mode {@code high}, {@code low} or {@code audio} */
    public void qualityChanged(String mode) {
        qualityChanges++;
        lowQualityUsed |= "low".equals(mode);
        audioOnlyUsed |= "audio".equals(mode);
    }

    public void firstFrame(int milliseconds) {
        if (milliseconds >= 0 && (firstFrameMs == null || milliseconds < firstFrameMs)) {
            firstFrameMs = milliseconds;
        }
    }

    public boolean isEnded() {
        return endedAt != null;
    }

    public void end(Instant at) {
        if (endedAt == null) {
            Instant end = at.truncatedTo(ChronoUnit.MILLIS);
            endedAt = end.isBefore(startedAt) ? startedAt : end;
            durationSeconds = (int) Duration.between(startedAt, endedAt).toSeconds();
        }
    }

    public UUID getId() { return id; }
    public UUID getAppointmentId() { return appointmentId; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public Integer getDurationSeconds() { return durationSeconds; }
    public String getConnectionType() { return connectionType; }
    public int getReconnects() { return reconnects; }
    public int getQualityChanges() { return qualityChanges; }
    public boolean isLowQualityUsed() { return lowQualityUsed; }
    public boolean isAudioOnlyUsed() { return audioOnlyUsed; }
    public Integer getFirstFrameMs() { return firstFrameMs; }
}
