package de.videotermin.statistics.boundary;

import java.util.List;

/** The rows asked for and the total over all of them (computed from the sums, not averaged averages). */
public record StatisticsReport(StatisticsFilter filter, List<StatisticsRow> rows, Figures total) {
}
