package de.videotermin.statistics.control;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.statistics.boundary.Figures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/**
 * Complementary suppression on hand-computed tables (k = 5). Each table is checked by {@link #leaks}, an
 * attacker who knows the sums and counts behind every shown figure (worse than an analyst, who sees only
 * the figures) and tries total − sum(shown rows) per column and the derivations inside a row.
 */
class SecondarySuppressionTest {

    private static final MinimumGroupSize K5 = new MinimumGroupSize(5);
    private static final Set<String> CALLS = Set.of("callMinutes", "averageDuration", "relayedShare");
    private static final Set<String> ADDITIVE = Set.of("callMinutes", "averageDuration", "relayedShare", "recommendShare",
            "averageRating", "joinSuccessShare", "lowQualityShare", "audioOnlyShare");

    /** The same people behind every figure of the row: calls of 10 min, ratings of 4, every second one relayed … */
    private static Tally row(long people) {
        return groups(people, people, people);
    }

    /** Calls, rating answers and joins of a row chosen separately. */
    private static Tally groups(long calls, long ratings, long joins) {
        return new Tally(calls, calls, 0, calls, calls * 600, calls * 600, calls / 2, ratings, ratings, ratings * 4 - ratings / 3,
                ratings, joins, joins, joins / 3, joins / 4);
    }

    private record Table(List<Tally> tallies, List<Figures> rows, Tally total, Figures totalFigures) {
    }

    /** Primary rule only: what the dashboard showed before. */
    private static Table primary(Tally... rows) {
        List<Figures> figures = new ArrayList<>();
        Tally total = Tally.ZERO;
        for (Tally t : rows) {
            figures.add(K5.figures(t, null));
            total = total.plus(t);
        }
        return new Table(List.of(rows), figures, total, K5.figures(total, null));
    }

    private static Table protect(Tally... rows) {
        Table before = primary(rows);
        SecondarySuppression.Result after = new SecondarySuppression(K5).apply(before.tallies(), before.rows(), before.total(),
                before.totalFigures());
        return new Table(before.tallies(), after.rows(), before.total(), after.total());
    }

    // ------------------------------------------------------------------------------------ the attacker

    /** Numerator and denominator behind each additive column. */
    private record Column(String key, ToLongFunction<Tally> sum, ToLongFunction<Tally> count) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("callMinutes", Tally::callSeconds, Tally::completedCalls),
            new Column("averageDuration", Tally::heldCallSeconds, Tally::completedCalls),
            new Column("relayedShare", Tally::relayedCalls, Tally::completedCalls),
            new Column("recommendShare", Tally::recommendYes, Tally::recommendAnswers),
            new Column("averageRating", Tally::ratingSum, Tally::ratingAnswers),
            new Column("joinSuccessShare", Tally::joinsSucceeded, Tally::joinAttempts),
            new Column("lowQualityShare", Tally::lowQuality, Tally::joinsSucceeded),
            new Column("audioOnlyShare", Tally::audioOnly, Tally::joinsSucceeded));

    /** Every withheld figure the attacker can compute, or a group smaller than k he can isolate; empty if none. */
    private static List<String> leaks(Table t) {
        List<String> found = new ArrayList<>();
        for (Column c : COLUMNS) {
            if (t.totalFigures().isSuppressed(c.key())) {
                continue;
            }
            long sum = c.sum().applyAsLong(t.total());
            long count = c.count().applyAsLong(t.total());
            List<Integer> hidden = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                Tally row = t.tallies().get(i);
                if (t.rows().get(i).isSuppressed(c.key())) {
                    if (c.sum().applyAsLong(row) != 0 || c.count().applyAsLong(row) != 0) {
                        hidden.add(i);
                    }
                } else { // shown: the attacker subtracts it
                    sum -= c.sum().applyAsLong(row);
                    count -= c.count().applyAsLong(row);
                }
            }
            if (hidden.size() == 1) {
                Tally row = t.tallies().get(hidden.get(0));
                if (sum == c.sum().applyAsLong(row) && count == c.count().applyAsLong(row)) {
                    found.add("row " + hidden.get(0) + " " + c.key() + " = total − other rows = " + sum + "/" + count);
                }
            } else if (hidden.size() > 1 && count == 0 && sum != 0) {
                found.add(c.key() + " of rows " + hidden + " together: a sum without people");
            } else if (count > 0 && count < K5.k()) {
                found.add(c.key() + " of rows " + hidden + " together: " + count + " people");
            }
        }
        // inside a row: shown average duration × held count gives the minutes, minutes ÷ held the average
        for (int i = 0; i < t.rows().size(); i++) {
            Figures f = t.rows().get(i);
            boolean calls = t.tallies().get(i).completedCalls() > 0;
            for (String column : CALLS) {
                if (f.isSuppressed(column) && calls && CALLS.stream().anyMatch(other -> !f.isSuppressed(other))) {
                    found.add("row " + i + " " + column + " from the row's other call figures");
                }
            }
        }
        return found;
    }

    private static Set<String> secondaryOf(Figures f) {
        return f.secondary();
    }

    // ------------------------------------------------------------------------------------ the cases

    @Test
    void theCheckerFindsWhatThePrimaryRuleAloneGaveAway() {
        // SmallGroupsIT's days before this change: 2 people and 6; the total of 8 minus day B is day A
        Table before = primary(row(2), row(6));
        assertThat(before.rows().get(0).suppressed()).containsAll(ADDITIVE);
        assertThat(leaks(before)).hasSize(ADDITIVE.size()).allMatch(leak -> leak.startsWith("row 0 "));
    }

    @Test
    void nothingWithheldMeansNothingExtraWithheld() {
        Table t = protect(row(6), row(7), row(8));
        assertThat(t.rows()).allMatch(f -> f.suppressed().isEmpty());
        assertThat(t.totalFigures().suppressed()).isEmpty();
        assertThat(leaks(t)).isEmpty();
    }

    @Test
    void oneWithheldRowTakesTheNextSmallestWithIt() {
        // 2 | 9 | 6 | 12, total 29: row 0 (2 people) primary; row 2 (6, the smallest shown) secondary;
        // total − 9 − 12 = 8 people of rows 0 and 2 together, neither on its own
        Table t = protect(row(2), row(9), row(6), row(12));
        assertThat(t.rows().get(0).suppressed()).containsAll(ADDITIVE);
        assertThat(t.rows().get(0).secondary()).isEmpty();
        assertThat(t.rows().get(2).suppressed()).isEqualTo(ADDITIVE);
        assertThat(t.rows().get(2).secondary()).isEqualTo(ADDITIVE);
        assertThat(t.rows().get(2).averageRating()).isNull();
        assertThat(t.rows().get(2).callMinutes()).isZero();
        assertThat(t.rows().get(1).suppressed()).isEmpty();
        assertThat(t.rows().get(3).suppressed()).isEmpty();
        assertThat(t.totalFigures().suppressed()).isEmpty();
        // counts stay: they are not withheld by either rule
        assertThat(t.rows().get(2).held()).isEqualTo(6);
        assertThat(leaks(t)).isEmpty();
    }

    @Test
    void twoWithheldRowsOfAtLeastKPeopleTogetherNeedNothingMore() {
        // 2 | 3 | 10 | 20: total − 10 − 20 = rows 0 and 1 together, 5 people: a group as large as k
        Table t = protect(row(2), row(3), row(10), row(20));
        assertThat(t.rows()).allMatch(f -> f.secondary().isEmpty());
        assertThat(t.rows().get(2).suppressed()).isEmpty();
        assertThat(leaks(t)).isEmpty();
    }

    @Test
    void twoWithheldRowsOfFewerThanKPeopleTogetherTakeAThird() {
        // 1 | 2 | 20 | 10: rows 0 and 1 together are 3 people, their common figure would be a group of 3;
        // row 3 (10) joins them: 13 people, total − 20
        Table t = protect(row(1), row(2), row(20), row(10));
        assertThat(leaks(primary(row(1), row(2), row(20), row(10)))).isNotEmpty();
        assertThat(t.rows().get(3).secondary()).isEqualTo(ADDITIVE);
        assertThat(t.rows().get(2).suppressed()).isEmpty();
        assertThat(leaks(t)).isEmpty();
    }

    @Test
    void allRowsSmallWithholdsEveryRowButShowsALargeEnoughTotal() {
        // 1 | 2 | 3: every row primary; the total (6) is shown, rows can't be told apart
        Table t = protect(row(1), row(2), row(3));
        assertThat(t.rows()).allMatch(f -> f.suppressed().containsAll(ADDITIVE) && f.secondary().isEmpty());
        assertThat(t.totalFigures().suppressed()).isEmpty();
        assertThat(leaks(t)).isEmpty();
        // 1 | 2: the total (3) is too small itself
        Table tiny = protect(row(1), row(2));
        assertThat(tiny.totalFigures().suppressed()).containsAll(ADDITIVE);
        assertThat(tiny.totalFigures().secondary()).isEmpty();
        assertThat(leaks(tiny)).isEmpty();
    }

    @Test
    void tiesTakeTheEarlierRow() {
        // 3 | 7 | 7: row 1 and row 2 are equally small; the earlier one is withheld, the other stays
        Table t = protect(row(3), row(7), row(7));
        assertThat(t.rows().get(1).secondary()).isEqualTo(ADDITIVE);
        assertThat(t.rows().get(2).suppressed()).isEmpty();
        assertThat(leaks(t)).isEmpty();
    }

    @Test
    void aRowWithNothingMeasuredProtectsNothing() {
        // 2 | 0 | 8: the empty row's figures are known ("–"); row 2 must go with row 0
        Table t = protect(row(2), row(0), row(8));
        assertThat(t.rows().get(1).suppressed()).isEmpty();
        assertThat(t.rows().get(2).secondary()).isEqualTo(ADDITIVE);
        assertThat(leaks(t)).isEmpty();
    }

    @Test
    void eachFigureIsProtectedByItsOwnGroup() {
        // calls 10 / 10 / 12, ratings 2 / 6 / 9, joins 8 / 8 / 3:
        // rating: row 0 primary, row 1 secondary; joins: row 2 primary, row 0 secondary (first of the 8s); calls: nothing
        Table t = protect(groups(10, 2, 8), groups(10, 6, 8), groups(12, 9, 3));
        assertThat(t.rows().get(0).suppressed()).containsExactlyInAnyOrder("averageRating", "recommendShare",
                "joinSuccessShare", "lowQualityShare", "audioOnlyShare");
        assertThat(secondaryOf(t.rows().get(0))).containsExactlyInAnyOrder("joinSuccessShare", "lowQualityShare", "audioOnlyShare");
        assertThat(secondaryOf(t.rows().get(1))).containsExactlyInAnyOrder("averageRating", "recommendShare");
        assertThat(t.rows().get(2).suppressed()).containsExactlyInAnyOrder("joinSuccessShare", "lowQualityShare",
                "audioOnlyShare");
        assertThat(t.rows()).allMatch(f -> f.suppressed().stream().noneMatch(CALLS::contains));
        assertThat(leaks(t)).isEmpty();
    }

    @Test
    void minutesAfterMidnightWithoutCallsOfTheirOwnAreProtectedToo() {
        // day 0: 15 minutes of a call that started the day before (0 calls); day 1: 6 calls of 10 minutes.
        // total minutes 75 − 60 would give day 0's 15: day 1's call figures go too, all three of them
        Tally afterMidnight = new Tally(0, 0, 0, 0, 900, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // day 2: 8 calls. Day 1 and day 2 go with day 0: the minutes of days 0 and 1 together would be
        // a sum without calls, and day 1's average duration alone would be total minus day 2
        Table t = protect(afterMidnight, row(6), row(8));
        assertThat(t.rows().get(0).suppressed()).containsExactly("callMinutes");
        assertThat(t.rows().get(1).secondary()).isEqualTo(CALLS);
        assertThat(t.rows().get(1).averageDurationMinutes()).isNull();
        assertThat(t.rows().get(1).averageRating()).isNotNull();
        assertThat(t.rows().get(2).secondary()).isEqualTo(CALLS);
        assertThat(t.totalFigures().suppressed()).isEmpty();
        assertThat(leaks(t)).isEmpty();
        // with day 1 alone next to day 0, the total's average duration would be day 1's: the total's call figures go
        Table two = protect(afterMidnight, row(6));
        assertThat(two.rows().get(1).secondary()).isEqualTo(CALLS);
        assertThat(two.totalFigures().secondary()).isEqualTo(CALLS);
        assertThat(leaks(two)).isEmpty();
    }

    @Test
    void noTableOfUpToEightRowsLeaksAWithheldFigure() {
        Random random = new Random(7);
        for (int table = 0; table < 3000; table++) {
            Tally[] rows = new Tally[1 + random.nextInt(8)];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = groups(random.nextInt(14), random.nextInt(14), random.nextInt(14));
            }
            Table t = protect(rows);
            assertThat(leaks(t)).as("table %s", Arrays.toString(rows)).isEmpty();
        }
    }
}
