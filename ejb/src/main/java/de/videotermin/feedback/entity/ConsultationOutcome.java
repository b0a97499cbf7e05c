package de.videotermin.feedback.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The advisor's record of one appointment's outcome; recording again corrects it. */
@Entity
@Table(name = "consultation_outcome")
public class ConsultationOutcome {

    @Id
    @Column(name = "appointment_id")
    private UUID appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected ConsultationOutcome() {
    }

    public ConsultationOutcome(UUID appointmentId, Outcome outcome, Instant at) {
        this.appointmentId = Objects.requireNonNull(appointmentId);
        correct(outcome, at);
    }

    public void correct(Outcome outcome, Instant at) {
        this.outcome = Objects.requireNonNull(outcome);
        this.recordedAt = Objects.requireNonNull(at);
    }

    public UUID getAppointmentId() { return appointmentId; }
    public Outcome getOutcome() { return outcome; }
    public Instant getRecordedAt() { return recordedAt; }
}
