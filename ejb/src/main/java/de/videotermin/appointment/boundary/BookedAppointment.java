package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.Appointment;

/** A fresh booking and the citizen's link token; the token is shown once and then only its hash exists. */
public record BookedAppointment(Appointment appointment, String linkToken) {
}
