package de.videotermin.correspondence.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    private UUID id;

    @Column(name = "appointment_id", nullable = false)
    private UUID appointmentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageKind kind;

    /** For a guest's invitation: whose (consultation's guest_invitation); null for the citizen's messages. */
    @Column(name = "guest_id")
    private UUID guestId;

    /** EMAIL or LETTER. */
    @Column(nullable = false)
    private String channel;

    @Column(name = "dedupe_key", nullable = false, unique = true)
    private String dedupeKey;

    private String recipient;

    /** Null until the message is rendered (when it is first sent). */
    private String subject;

    /**
     * The citizen's link token, for an invitation not rendered yet: rendering happens when the message
     * is sent, and only the token's hash is kept with the appointment. Erased once rendered, just as
     * the rendered bodies (which contain the link) are erased once delivered.
     */
    @Column(name = "link_token")
    private String linkToken;

    @Column(name = "body_text")
    private String bodyText;

    @Column(name = "body_html")
    private String bodyHtml;

    private String ics;

    private byte[] pdf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    protected OutboxMessage() {
        // JPA
    }

    public static OutboxMessage email(UUID appointmentId, MessageKind kind, String dedupeKey, String recipient,
                                      String subject, String bodyText, String bodyHtml, String ics, Instant now) {
        OutboxMessage m = new OutboxMessage(appointmentId, kind, "EMAIL", dedupeKey, subject, now);
        m.recipient = Objects.requireNonNull(recipient);
        m.bodyText = bodyText;
        m.bodyHtml = bodyHtml;
        m.ics = ics;
        m.status = MessageStatus.PENDING;
        return m;
    }

    /** A message to be rendered from the current template when it is sent (see MessageRenderer). */
    public static OutboxMessage queued(UUID appointmentId, MessageKind kind, String dedupeKey, String recipient,
                                       String linkToken, Instant now) {
        OutboxMessage m = new OutboxMessage(appointmentId, kind, "EMAIL", dedupeKey, null, now);
        m.recipient = Objects.requireNonNull(recipient);
        m.linkToken = linkToken;
        m.status = MessageStatus.PENDING;
        return m;
    }

    /**
     * A guest's invitation, rendered when it is sent in the guest's language; holds the guest's link token
     * until then, exactly like the citizen's invitation.
     */
    public static OutboxMessage queuedForGuest(UUID appointmentId, UUID guestId, String recipient, String linkToken,
                                               Instant now) {
        OutboxMessage m = queued(appointmentId, MessageKind.GUEST_INVITATION, "GUEST_INVITATION:" + guestId, recipient,
                linkToken, now);
        m.guestId = Objects.requireNonNull(guestId);
        return m;
    }

    public boolean isRendered() {
        return bodyText != null;
    }

    /** The contents, made once; a retry sends the same message again. The link now lives in the bodies only. */
    public void rendered(String subject, String bodyText, String bodyHtml, String ics) {
        this.subject = truncate(subject);
        this.bodyText = Objects.requireNonNull(bodyText);
        this.bodyHtml = bodyHtml;
        this.ics = ics;
        this.linkToken = null;
    }

    public static OutboxMessage letter(UUID appointmentId, String dedupeKey, String subject, byte[] pdf, Instant now) {
        OutboxMessage m = new OutboxMessage(appointmentId, MessageKind.LETTER, "LETTER", dedupeKey, subject, now);
        m.pdf = pdf;
        m.status = MessageStatus.LETTER_READY;
        return m;
    }

    private OutboxMessage(UUID appointmentId, MessageKind kind, String channel, String dedupeKey, String subject, Instant now) {
        this.id = de.videotermin.appointment.control.LinkTokens.newUuid(); // per-thread generator: no shared lock
        this.appointmentId = Objects.requireNonNull(appointmentId);
        this.kind = kind;
        this.channel = channel;
        this.dedupeKey = dedupeKey;
        this.subject = truncate(subject);
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    private static String truncate(String subject) {
        return subject == null || subject.length() <= 300 ? subject : subject.substring(0, 300);
    }

    /** Delivered: the body (which may hold the citizen's link) is no longer needed. */
    public void sent(Instant at) {
        linkToken = null;
        status = MessageStatus.SENT;
        sentAt = at;
        attempts++;
        lastError = null;
        bodyText = null;
        bodyHtml = null;
        ics = null;
    }

    /** Not delivered: try again after an exponentially growing pause, or give up after maxAttempts. */
    public void failed(String error, Instant now, Duration initial, Duration max, int maxAttempts) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(300, error.length()));
        if (attempts >= maxAttempts) {
            status = MessageStatus.FAILED;
            return;
        }
        status = MessageStatus.RETRYING;
        long factor = 1L << Math.min(attempts - 1, 20);
        Duration pause = initial.multipliedBy(factor);
        nextAttemptAt = now.plus(pause.compareTo(max) > 0 ? max : pause);
    }

    public UUID getId() { return id; }
    public UUID getAppointmentId() { return appointmentId; }
    public MessageKind getKind() { return kind; }
    public UUID getGuestId() { return guestId; }
    public String getChannel() { return channel; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getLinkToken() { return linkToken; }
    public String getBodyText() { return bodyText; }
    public String getBodyHtml() { return bodyHtml; }
    public String getIcs() { return ics; }
    public byte[] getPdf() { return pdf; }
    public MessageStatus getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}
