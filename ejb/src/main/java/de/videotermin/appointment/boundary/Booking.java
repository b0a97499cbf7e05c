package de.videotermin.appointment.boundary;

import de.videotermin.appointment.entity.LegalArea;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.ZonedDateTime;

/**
 * What an advisor (or the agency's system) enters to book a consultation. A citizen without an
 * email address gets a printed letter, so a postal address is then expected (not enforced: the
 * advisor may hand the letter over in person).
 */
public record Booking(
        @NotNull @Future ZonedDateTime startsAt,
        @Min(5) @Max(480) int durationMinutes,
        @NotBlank @Size(max = 200) String citizenName,
        @Email @Size(max = 320) String citizenEmail,
        @NotBlank @Size(max = 64) String legalArea,
        @Size(max = 64) String siteCode,
        @Size(max = 200) String topic,
        @Size(max = 2000) String extraInfo,
        @Pattern(regexp = "de|en") String citizenLanguage,
        @Size(max = 500) String postalAddress) {

    /** The first release's booking: no site, topic or address, German. */
    public Booking(ZonedDateTime startsAt, int durationMinutes, String citizenName, String citizenEmail,
                   LegalArea legalArea) {
        this(startsAt, durationMinutes, citizenName, citizenEmail, legalArea.name(), null, null, null, "de", null);
    }

    /** A fingerprint of the request, to tell a replay (same Idempotency-Key, same booking) from a misuse. */
    String fingerprint(String advisorUsername) {
        return String.join("\u001f", String.valueOf(startsAt == null ? null : startsAt.toInstant()),
                String.valueOf(durationMinutes), String.valueOf(citizenName), String.valueOf(citizenEmail),
                String.valueOf(legalArea), String.valueOf(siteCode), String.valueOf(topic), String.valueOf(extraInfo),
                String.valueOf(citizenLanguage), String.valueOf(postalAddress), advisorUsername);
    }
}
