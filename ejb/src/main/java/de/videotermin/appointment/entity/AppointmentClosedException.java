package de.videotermin.appointment.entity;

import jakarta.ejb.ApplicationException;

/** The appointment is over or cancelled: it can no longer be moved, cancelled or asked about. */
@ApplicationException(rollback = true)
public class AppointmentClosedException extends RuntimeException {
    private final AppointmentStatus status;

    public AppointmentClosedException(AppointmentStatus status) {
        super("appointment is " + status);
        this.status = status;
    }

    public AppointmentStatus status() {
        return status;
    }
}
