package de.videotermin.appointment.entity;

import jakarta.ejb.ApplicationException;

/** A no-show was to be recorded before the appointment's start time. */
@ApplicationException(rollback = true)
public class AppointmentNotStartedException extends RuntimeException {
    public AppointmentNotStartedException() {
        super("the appointment has not started yet");
    }
}
