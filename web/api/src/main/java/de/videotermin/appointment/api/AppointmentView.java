package de.videotermin.appointment.api;

import de.videotermin.appointment.entity.Appointment;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An appointment as the agency's systems see it. {@code citizenLink} is only present in the answer
 * that created the appointment: afterwards only the link's hash exists.
 */
public record AppointmentView(UUID id, String roomId, String advisorUsername, String advisorName, String siteCode,
                              String legalArea, OffsetDateTime startsAt, int durationMinutes, String status,
                              String citizenName, String citizenLanguage, String topic, int calendarSequence,
                              String citizenRequest, String citizenLink) {

    public static AppointmentView from(Appointment a, String citizenLink) {
        return new AppointmentView(a.getId(), a.getRoomId(), a.getAdvisorUsername(), a.getAdvisorName(), a.getSiteCode(),
                a.getLegalAreaCode(), a.getStartsAt().atZone(java.time.ZoneId.of("Europe/Berlin")).toOffsetDateTime(),
                a.getDurationMinutes(), a.getStatus().name(), a.getCitizenName(), a.getCitizenLanguage(), a.getTopic(),
                a.getCalendarSequence(), a.getCitizenRequest(), citizenLink);
    }
}
