package de.videotermin.appointment.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;

public record RescheduleRequest(@NotNull OffsetDateTime startsAt, @NotNull @Min(5) @Max(480) Integer durationMinutes) {
}
