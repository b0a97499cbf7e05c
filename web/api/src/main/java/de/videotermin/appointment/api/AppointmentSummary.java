package de.videotermin.appointment.api;

import de.videotermin.appointment.entity.Appointment;
import java.time.Instant;

/** An appointment as other systems see it; the citizen's link token is never part of it. */
public record AppointmentSummary(String roomId, Instant startsAt, int durationMinutes, String legalArea,
                                 String status, String citizenName) {

    public static AppointmentSummary from(Appointment appointment) {
        return new AppointmentSummary(appointment.getRoomId(), appointment.getStartsAt(),
                appointment.getDurationMinutes(), appointment.getLegalArea().name(), appointment.getStatus().name(),
                appointment.getCitizenName());
    }
}
