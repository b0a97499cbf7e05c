package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.Appointment;
import java.util.List;

public record AppointmentPage(List<Appointment> items, long total, int page, int size) {
}
