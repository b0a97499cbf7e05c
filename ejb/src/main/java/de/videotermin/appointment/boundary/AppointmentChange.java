package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.Appointment;

/**
 * What happened to an appointment, fired as a CDI event inside the booking's transaction. The
 * correspondence component observes it and writes its outbox rows in the same transaction, so a
 * booking and its invitation are committed (or rolled back) together. The appointment component
 * does not know about mail.
 */
public sealed interface AppointmentChange {
    Appointment appointment();

    /** New appointment; {@code linkToken} is the only moment the plain token exists. */
    record Booked(Appointment appointment, String linkToken) implements AppointmentChange {
    }

    record Rescheduled(Appointment appointment) implements AppointmentChange {
    }

    record Cancelled(Appointment appointment, boolean byCitizen) implements AppointmentChange {
    }
}
