package de.videotermin.appointment.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/**
 * A booking from the agency's system (or an advisor). advisorUsername is ignored for advisors: they book for themselves.
 * A class, not a record: on a record the constraints also land on the constructor's parameters, and Payara's
 * OpenAPI scanner (6.2025.10) then fails with an NPE in ApplicationProcessor.addSchemaParameter.
 */
public class AppointmentRequest {
    @Size(max = 255) public String advisorUsername;
    @Size(max = 255) public String advisorName;
    @Size(max = 64) public String siteCode;
    @NotBlank @Size(max = 64) public String legalArea;
    @NotNull public OffsetDateTime startsAt;
    @NotNull @Min(5) @Max(480) public Integer durationMinutes;
    @NotBlank @Size(max = 200) public String citizenName;
    @Email @Size(max = 320) public String citizenEmail;
    @Size(max = 500) public String citizenPostalAddress;
    @Pattern(regexp = "de|en") public String citizenLanguage;
    @Size(max = 200) public String topic;
    @Size(max = 2000) public String extraInfo;
}
