package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.Appointment;

/**
 * A fresh booking and the citizen's link token; the token is shown once and then only its hash exists.
 * A replayed creation (same Idempotency-Key) returns the first appointment with {@code linkToken} null
 * and {@code replayed} true.
 */
public record BookedAppointment(Appointment appointment, String linkToken, boolean replayed) {
    public BookedAppointment(Appointment appointment, String linkToken) {
        this(appointment, linkToken, false);
    }
}
