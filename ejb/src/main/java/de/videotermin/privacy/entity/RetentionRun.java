package de.videotermin.privacy.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One run of the retention timer: when, as of which moment, and how many rows it erased. */
@Entity
@Table(name = "retention_run")
@NamedQuery(name = RetentionRun.LATEST, query = "select r from RetentionRun r order by r.ranAt desc")
public class RetentionRun {

    public static final String LATEST = "RetentionRun.latest";

    @Id
    private UUID id;

    @Column(name = "ran_at", nullable = false)
    private Instant ranAt;

    @Column(name = "as_of", nullable = false)
    private Instant asOf;

    @Column(name = "anonymised_appointments", nullable = false)
    private int anonymisedAppointments;

    @Column(name = "deleted_call_records", nullable = false)
    private int deletedCallRecords;

    @Column(name = "deleted_device_checks", nullable = false)
    private int deletedDeviceChecks;

    @Column(name = "deleted_consent_records", nullable = false)
    private int deletedConsentRecords;

    protected RetentionRun() {
    }

    public RetentionRun(Instant ranAt, Instant asOf, int anonymisedAppointments, int deletedCallRecords,
                        int deletedDeviceChecks, int deletedConsentRecords) {
        this.id = UUID.randomUUID();
        this.ranAt = ranAt;
        this.asOf = asOf;
        this.anonymisedAppointments = anonymisedAppointments;
        this.deletedCallRecords = deletedCallRecords;
        this.deletedDeviceChecks = deletedDeviceChecks;
        this.deletedConsentRecords = deletedConsentRecords;
    }

    public UUID getId() { return id; }
    public Instant getRanAt() { return ranAt; }
    public Instant getAsOf() { return asOf; }
    public int getAnonymisedAppointments() { return anonymisedAppointments; }
    public int getDeletedCallRecords() { return deletedCallRecords; }
    public int getDeletedDeviceChecks() { return deletedDeviceChecks; }
    public int getDeletedConsentRecords() { return deletedConsentRecords; }
}
