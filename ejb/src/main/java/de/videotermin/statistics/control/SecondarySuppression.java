package de.videotermin.statistics.control;

import de.videotermin.statistics.boundary.Figures;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;

/**
 * Complementary (secondary) suppression: withholding a small group's figure is worthless if the shown
 * total minus the shown rows gives it back. Every additive figure of a report obeys one relation per
 * column, total = sum of the rows (the averages and shares through their sums and counts, which an
 * analyst can estimate from the shown counts, so they are treated as if they were shown). For each
 * such figure this withholds further rows until the withheld rows of the column, taken together,
 * are at least two and stand for at least k people: then total minus the shown rows yields only a
 * sum over several rows that is itself a large enough group, never one row's figure.
 *
 * <p>Rows are added smallest group first (ties: the earlier row), so the figures lost are the least
 * informative ones. Figures made up of the same people are withheld together in a row (call minutes,
 * average duration and relayed share all come from the same calls: shown average × shown count would
 * give the withheld minutes back). A row with nothing measured knows its value (0) and protects
 * nothing, so it is never chosen. If no row is left to withhold, the total is withheld instead.
 *
 * <p>Not covered: the median time to first frame is not additive (no total minus rows gives a row's
 * median), so it has only the primary rule; and a table cannot see other tables — an analyst who
 * compares views over different periods or filters can still subtract one view's figure from
 * another's (docs/statistics.md, "Secondary suppression").
 */
public record SecondarySuppression(MinimumGroupSize rule) {

    /** One additive figure: the sum and the count (its people) it is made of. */
    record Column(String key, ToLongFunction<Tally> sum, ToLongFunction<Tally> people) {

        /** Something stands behind the figure (otherwise it reads "–" or 0, which everyone knows). */
        boolean measured(Tally t) {
            return sum.applyAsLong(t) != 0 || people.applyAsLong(t) != 0;
        }
    }

    /** Figures that stand or fall together in a row, because they are made of the same people. */
    enum Group {
        CALLS(new Column("callMinutes", Tally::callSeconds, Tally::completedCalls),
                new Column("averageDuration", Tally::heldCallSeconds, Tally::completedCalls),
                new Column("relayedShare", Tally::relayedCalls, Tally::completedCalls)),
        RECOMMEND(new Column("recommendShare", Tally::recommendYes, Tally::recommendAnswers)),
        RATING(new Column("averageRating", Tally::ratingSum, Tally::ratingAnswers)),
        JOINS(new Column("joinSuccessShare", Tally::joinsSucceeded, Tally::joinAttempts)),
        SUCCEEDED(new Column("lowQualityShare", Tally::lowQuality, Tally::joinsSucceeded),
                new Column("audioOnlyShare", Tally::audioOnly, Tally::joinsSucceeded));

        final List<Column> columns;
        final Set<String> keys = new LinkedHashSet<>();

        Group(Column... columns) {
            this.columns = List.of(columns);
            this.columns.forEach(c -> keys.add(c.key()));
        }

        long people(Tally t) {
            return columns.get(0).people().applyAsLong(t);
        }

        boolean measured(Tally t) {
            return columns.stream().anyMatch(c -> c.measured(t));
        }

        boolean withheld(Figures f) {
            return keys.stream().anyMatch(f::isSuppressed);
        }
    }

    /** A report's rows and total after complementary suppression. */
    public record Result(List<Figures> rows, Figures total) {
    }

    /**
     * @param tallies the sums behind each row (same order as {@code rows})
     * @param rows    each row's figures after the primary rule
     * @param total   the sums over all rows
     * @param totalFigures the total's figures after the primary rule
     */
    public Result apply(List<Tally> tallies, List<Figures> rows, Tally total, Figures totalFigures) {
        if (tallies.size() != rows.size()) {
            throw new IllegalArgumentException("one tally per row");
        }
        List<Set<String>> protect = new ArrayList<>();
        rows.forEach(r -> protect.add(new LinkedHashSet<>()));
        Set<String> protectTotal = new LinkedHashSet<>();
        for (Group group : Group.values()) {
            if (group.withheld(totalFigures)) {
                continue; // the total is withheld: no relation is shown to subtract from
            }
            Set<Integer> withheld = new LinkedHashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                if (group.withheld(rows.get(i))) {
                    withheld.add(i);
                }
            }
            while (recoverable(group, withheld, tallies)) {
                int next = -1;
                for (int i = 0; i < rows.size(); i++) {
                    if (!withheld.contains(i) && group.measured(tallies.get(i))
                            && (next < 0 || group.people(tallies.get(i)) < group.people(tallies.get(next)))) {
                        next = i;
                    }
                }
                if (next < 0) {
                    protectTotal.addAll(group.keys);
                    break;
                }
                withheld.add(next);
                protect.get(next).addAll(group.keys);
            }
        }
        List<Figures> result = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            result.add(rows.get(i).withholdToProtect(protect.get(i)));
        }
        return new Result(List.copyOf(result), totalFigures.withholdToProtect(protectTotal));
    }

    /**
     * Whether total minus the shown rows isolates something in one of the group's columns: the withheld
     * rows with something measured in it are exactly one (its value comes back), or together fewer than
     * k people (a figure of a group too small comes back), or no people at all (minutes without calls).
     */
    private boolean recoverable(Group group, Set<Integer> withheld, List<Tally> tallies) {
        for (Column column : group.columns) {
            int rows = 0;
            long people = 0;
            for (int i : withheld) {
                if (column.measured(tallies.get(i))) {
                    rows++;
                    people += column.people().applyAsLong(tallies.get(i));
                }
            }
            if (rows > 0 && (rows < 2 || people == 0 || rule.tooSmall(people))) {
                return true;
            }
        }
        return false;
    }
}
