package de.videotermin.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One entry of the ledger: consent given (and possibly later withdrawn) for one appointment. */
@Entity
@Table(name = "consent_record")
@NamedQuery(name = ConsentRecord.FOR_APPOINTMENT,
        query = "select r from ConsentRecord r join fetch r.text where r.appointmentId = :appointmentId and r.guestId is null order by r.givenAt desc")
@NamedQuery(name = ConsentRecord.FOR_GUEST,
        query = "select r from ConsentRecord r join fetch r.text where r.guestId = :guestId order by r.givenAt desc")
public class ConsentRecord {

    /** The citizen's ledger of an appointment (guests' consents are theirs, see {@link #FOR_GUEST}). */
    public static final String FOR_APPOINTMENT = "ConsentRecord.forAppointment";
    public static final String FOR_GUEST = "ConsentRecord.forGuest";

    @Id
    private UUID id;

    @Column(name = "appointment_id", nullable = false, updatable = false)
    private UUID appointmentId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "consent_text_id", nullable = false, updatable = false)
    private ConsentText text;

    @Column(name = "given_at", nullable = false, updatable = false)
    private Instant givenAt;

    @Column(nullable = false, updatable = false)
    private String channel;

    /** Set when the consent is a guest's (an interpreter, a relative): it covers only their part. */
    @Column(name = "guest_id", updatable = false)
    private UUID guestId;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Decision decision;

    /** Consent given, or the offer of a video consultation declined. Both are evidence. */
    public enum Decision { GIVEN, DECLINED }

    protected ConsentRecord() {
    }

    public ConsentRecord(UUID appointmentId, ConsentText text, Instant givenAt, String channel) {
        this(appointmentId, text, givenAt, channel, Decision.GIVEN);
    }

    public ConsentRecord(UUID appointmentId, ConsentText text, Instant givenAt, String channel, Decision decision) {
        this.decision = Objects.requireNonNull(decision);
        this.id = UUID.randomUUID();
        this.appointmentId = Objects.requireNonNull(appointmentId);
        this.text = Objects.requireNonNull(text);
        this.givenAt = Objects.requireNonNull(givenAt);
        this.channel = Objects.requireNonNull(channel);
    }

    /** A guest's consent to take part in the appointment's call. */
    public static ConsentRecord forGuest(UUID appointmentId, UUID guestId, ConsentText text, Instant givenAt, String channel) {
        ConsentRecord record = new ConsentRecord(appointmentId, text, givenAt, channel);
        record.guestId = Objects.requireNonNull(guestId);
        return record;
    }

    public boolean isValid() {
        return decision == Decision.GIVEN && withdrawnAt == null;
    }

    public void withdraw(Instant at) {
        if (withdrawnAt == null) {
            withdrawnAt = at;
        }
    }

    public UUID getId() { return id; }
    public UUID getAppointmentId() { return appointmentId; }
    public UUID getGuestId() { return guestId; }
    public ConsentText getText() { return text; }
    public Instant getGivenAt() { return givenAt; }
    public String getChannel() { return channel; }
    public Instant getWithdrawnAt() { return withdrawnAt; }
    public Decision getDecision() { return decision; }
}
