package de.videotermin.appointment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

/** New start and duration. A class for the same reason as {@link AppointmentRequest}. */
public class RescheduleRequest {
    @NotNull public OffsetDateTime startsAt;
    @NotNull @Min(5) @Max(480) public Integer durationMinutes;
}
