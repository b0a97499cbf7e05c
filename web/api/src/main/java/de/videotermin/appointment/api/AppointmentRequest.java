package de.videotermin.appointment.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** A booking from the agency's system (or an advisor). advisorUsername is ignored for advisors: they book for themselves. */
public record AppointmentRequest(
        @Size(max = 255) String advisorUsername,
        @Size(max = 255) String advisorName,
        @Size(max = 64) String siteCode,
        @NotBlank @Size(max = 64) String legalArea,
        @NotNull OffsetDateTime startsAt,
        @NotNull @Min(5) @Max(480) Integer durationMinutes,
        @NotBlank @Size(max = 200) String citizenName,
        @Email @Size(max = 320) String citizenEmail,
        @Size(max = 500) String citizenPostalAddress,
        @Pattern(regexp = "de|en") String citizenLanguage,
        @Size(max = 200) String topic,
        @Size(max = 2000) String extraInfo) {
}
