package de.videotermin.statistics.boundary;

import java.util.List;

/**
 * The rows asked for and the total over all of them (computed from the sums, not averaged averages);
 * {@code minimumGroupSize} is the k below which figures were withheld (see {@link Figures#suppressed()}).
 */
public record StatisticsReport(StatisticsFilter filter, List<StatisticsRow> rows, Figures total, int minimumGroupSize) {
}
