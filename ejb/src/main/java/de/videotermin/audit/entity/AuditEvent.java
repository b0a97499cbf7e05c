package de.videotermin.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.LATEST, query = "select e from AuditEvent e order by e.at desc")
@NamedQuery(name = AuditEvent.FOR_APPOINTMENT,
        query = "select e from AuditEvent e where e.appointmentId = :appointmentId order by e.at desc")
public class AuditEvent {

    public static final String LATEST = "AuditEvent.latest";
    public static final String FOR_APPOINTMENT = "AuditEvent.forAppointment";

    @Id
    private UUID id;

    @Column(nullable = false, updatable = false)
    private Instant at;

    @Column(nullable = false, updatable = false)
    private String actor;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "appointment_id", updatable = false)
    private UUID appointmentId;

    @Column(updatable = false)
    private String detail;

    protected AuditEvent() {
    }

    public AuditEvent(Instant at, String actor, String action, UUID appointmentId, String detail) {
        this.id = UUID.randomUUID();
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.appointmentId = appointmentId;
        this.detail = detail == null || detail.length() <= 200 ? detail : detail.substring(0, 200);
    }

    public UUID getId() { return id; }
    public Instant getAt() { return at; }
    public String getActor() { return actor; }
    public String getAction() { return action; }
    public UUID getAppointmentId() { return appointmentId; }
    public String getDetail() { return detail; }
}
