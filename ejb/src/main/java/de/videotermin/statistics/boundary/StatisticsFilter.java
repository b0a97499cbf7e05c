package de.videotermin.statistics.boundary;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;

/**
 * What an analyst asks for: days from–to (inclusive, Europe/Berlin), period length, rows, and
 * optionally one legal area and one site.
 */
public record StatisticsFilter(
        @NotNull LocalDate from,
        @NotNull LocalDate to,
        @NotNull Granularity granularity,
        @NotNull Breakdown breakdown,
        @Pattern(regexp = "[A-Z_]{1,64}") String legalArea,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}") String siteCode) {

    /** At most a little more than two years per view: the roll-up is read row by row. */
    public static final int MAX_DAYS = 800;

    @AssertTrue(message = "from must not be after to, and the range at most 800 days")
    public boolean isRangeSensible() {
        return from == null || to == null || (!from.isAfter(to) && from.plusDays(MAX_DAYS).isAfter(to));
    }

    public boolean hasLegalArea() {
        return legalArea != null && !legalArea.isBlank();
    }

    public boolean hasSite() {
        return siteCode != null && !siteCode.isBlank();
    }
}
