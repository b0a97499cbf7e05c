package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.LegalArea;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.ZonedDateTime;

/** What an advisor enters to book a consultation. */
public record Booking(
        @NotNull @Future ZonedDateTime startsAt,
        @Min(5) @Max(480) int durationMinutes,
        @NotBlank @Size(max = 200) String citizenName,
        @Email @Size(max = 320) String citizenEmail,
        @NotNull LegalArea legalArea) {
}
