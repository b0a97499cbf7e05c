package de.videotermin.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * What the citizen's device and network test found, for the advisor to plan the call.
 * Deliberately coarse: a browser family, yes/no per device, round trip and bitrate through our
 * TURN server, a verdict. No IP addresses and no device labels (labels can contain names).
 */
@Entity
@Table(name = "device_check")
@NamedQuery(name = DeviceCheck.LATEST_FOR_APPOINTMENT,
        query = "select d from DeviceCheck d where d.appointmentId = :appointmentId order by d.checkedAt desc")
public class DeviceCheck {

    public static final String LATEST_FOR_APPOINTMENT = "DeviceCheck.latestForAppointment";

    public enum Verdict { GOOD, LOW_QUALITY, NO_CONNECTION }

    @Id
    private UUID id;

    @Column(name = "appointment_id", nullable = false, updatable = false)
    private UUID appointmentId;

    @Column(name = "checked_at", nullable = false, updatable = false)
    private Instant checkedAt;

    @Column(nullable = false, updatable = false)
    private boolean rehearsal;

    @Column(name = "browser_family", nullable = false, updatable = false)
    private String browserFamily;

    @Column(name = "camera_ok", nullable = false, updatable = false)
    private boolean cameraOk;

    @Column(name = "microphone_ok", nullable = false, updatable = false)
    private boolean microphoneOk;

    @Column(name = "relay_ok", nullable = false, updatable = false)
    private boolean relayOk;

    @Column(name = "round_trip_ms", updatable = false)
    private Integer roundTripMs;

    @Column(name = "bitrate_kbps", updatable = false)
    private Integer bitrateKbps;

    @Column(nullable = false, updatable = false)
    private String verdict;

    protected DeviceCheck() {
    }

    public DeviceCheck(UUID appointmentId, Instant checkedAt, boolean rehearsal, String browserFamily, boolean cameraOk,
                       boolean microphoneOk, boolean relayOk, Integer roundTripMs, Integer bitrateKbps) {
        this.id = UUID.randomUUID();
        this.appointmentId = appointmentId;
        this.checkedAt = checkedAt;
        this.rehearsal = rehearsal;
        this.browserFamily = browserFamily;
        this.cameraOk = cameraOk;
        this.microphoneOk = microphoneOk;
        this.relayOk = relayOk;
        this.roundTripMs = roundTripMs;
        this.bitrateKbps = bitrateKbps;
        this.verdict = verdictFor(relayOk, roundTripMs, bitrateKbps).name();
    }

    /**
     * The server decides the verdict from the measurements, so that the advisor sees the same
     * judgement whatever the client claims: no relay means no connection; a slow or narrow path
     * means low quality (under ~600 kbit/s high quality video stutters; over ~400 ms talk overlaps).
     */
    public static Verdict verdictFor(boolean relayOk, Integer roundTripMs, Integer bitrateKbps) {
        if (!relayOk) {
            return Verdict.NO_CONNECTION;
        }
        if ((roundTripMs != null && roundTripMs > 400) || (bitrateKbps != null && bitrateKbps < 600)) {
            return Verdict.LOW_QUALITY;
        }
        return Verdict.GOOD;
    }

    public UUID getId() { return id; }
    public UUID getAppointmentId() { return appointmentId; }
    public Instant getCheckedAt() { return checkedAt; }
    public boolean isRehearsal() { return rehearsal; }
    public String getBrowserFamily() { return browserFamily; }
    public boolean isCameraOk() { return cameraOk; }
    public boolean isMicrophoneOk() { return microphoneOk; }
    public boolean isRelayOk() { return relayOk; }
    public Integer getRoundTripMs() { return roundTripMs; }
    public Integer getBitrateKbps() { return bitrateKbps; }
    public String getVerdict() { return verdict; }
}
