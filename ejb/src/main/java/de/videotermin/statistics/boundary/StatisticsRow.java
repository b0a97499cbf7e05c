package de.videotermin.statistics.boundary;

/** One row: its key (period start as ISO date, legal area code or site code) and its figures. */
public record StatisticsRow(String key, Figures figures) {
}
