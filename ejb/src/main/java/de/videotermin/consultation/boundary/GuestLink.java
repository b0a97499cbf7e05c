package de.videotermin.consultation.boundary;

import de.videotermin.consultation.entity.GuestInvitation;
import java.util.UUID;

/** A new invitation and its link token: the only moment the token exists in clear (only its hash is stored). */
public record GuestLink(GuestInvitation invitation, String token) {

    /** The appointment the guest is invited to (also what the audit trail records). */
    public UUID appointmentId() {
        return invitation.getAppointmentId();
    }

    @Override
    public String toString() {
        return "GuestLink[" + invitation.getId() + "]"; // never the token
    }
}
