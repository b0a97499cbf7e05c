package de.videotermin.consultation.boundary;

import de.videotermin.consultation.entity.GuestInvitation;

/**
 * What happened to a guest's invitation, fired in the invitation's own transaction so that the
 * correspondence component queues (or drops) the guest's mail atomically with it — the same way
 * {@link de.videotermin.appointment.boundary.AppointmentChange} drives the citizen's mail.
 */
public sealed interface GuestChange {

    GuestInvitation guest();

    /**
     * Invited with an e-mail address: the link token travels only in memory to the outbox row, which
     * holds it until the message is rendered (as the citizen's invitation does).
     */
    record Invited(GuestInvitation guest, String linkToken) implements GuestChange {
    }

    /** Withdrawn by the advisor: a message still waiting must not go out. */
    record Revoked(GuestInvitation guest) implements GuestChange {
    }
}
