package de.videotermin.statistics.boundary;

/** The length of one period in a time series; weeks start on Monday (ISO 8601). */
public enum Granularity {
    DAY("day"), WEEK("week"), MONTH("month");

    private final String truncation;

    Granularity(String truncation) {
        this.truncation = truncation;
    }

    /** The PostgreSQL date_trunc field. */
    String truncation() {
        return truncation;
    }
}
