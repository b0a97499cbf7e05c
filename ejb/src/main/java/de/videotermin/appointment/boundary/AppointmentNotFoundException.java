package de.videotermin.appointment.boundary;

import jakarta.ejb.ApplicationException;

/** No appointment for that link or room, or none the caller may see. Deliberately says no more. */
@ApplicationException(rollback = true)
public class AppointmentNotFoundException extends RuntimeException {
    public AppointmentNotFoundException() {
        super("appointment not found");
    }
}
