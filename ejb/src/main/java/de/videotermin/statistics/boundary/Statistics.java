package de.videotermin.statistics.boundary;

import de.videotermin.statistics.control.FirstFrameHistogram;
import de.videotermin.statistics.control.MinimumGroupSize;
import de.videotermin.statistics.control.SecondarySuppression;
import de.videotermin.statistics.control.Tally;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Dashboard figures from the daily roll-up. Read-only; who may call it is decided by the web tier. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Statistics {

    static final String SUMS = """
            sum(appointments), sum(held), sum(no_shows), sum(completed_calls), sum(call_seconds), sum(held_call_seconds),
            sum(relayed_calls), sum(recommend_yes), sum(recommend_answers), sum(rating_sum), sum(rating_answers),
            sum(join_attempts), sum(joins_succeeded), sum(low_quality), sum(audio_only)""";

    @PersistenceContext
    EntityManager em;

    /** k: figures made up of fewer people than this are withheld (see MinimumGroupSize). */
    @Inject
    @ConfigProperty(name = "videotermin.statistics.minimum-group-size", defaultValue = "5")
    int minimumGroupSize;

    public StatisticsReport report(@NotNull @Valid StatisticsFilter filter) {
        String key = keyExpression(filter, "day", "site_code");
        Query sums = em.createNativeQuery("select " + key + " as k, " + SUMS + " from " + source(filter)
                + " where day between :from and :to" + conditions(filter, "site_code") + " group by k order by k");
        bind(sums, filter);
        if (usesMonths(filter)) {
            sums.setParameter("monthsFrom", fullMonthsFrom(filter)).setParameter("monthsTo", fullMonthsTo(filter))
                    .setParameter("headTo", fullMonthsFrom(filter).minusDays(1)).setParameter("tailFrom", fullMonthsTo(filter));
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (Object row : sums.getResultList()) {
            Object[] columns = (Object[]) row;
            tallies.put(String.valueOf(columns[0]), Tally.of(columns, 1));
        }
        Map<String, FirstFrameHistogram> histograms = firstFrames(filter);

        MinimumGroupSize rule = new MinimumGroupSize(minimumGroupSize);
        List<Figures> primary = new ArrayList<>();
        Tally total = Tally.ZERO;
        FirstFrameHistogram all = new FirstFrameHistogram();
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            primary.add(rule.figures(entry.getValue(), histograms.get(entry.getKey())));
            total = total.plus(entry.getValue());
        }
        histograms.values().forEach(all::addAll);
        // one place for screen, chart and CSV: none of them can show what total minus the other rows gives back
        SecondarySuppression.Result protectedFigures = new SecondarySuppression(rule)
                .apply(List.copyOf(tallies.values()), primary, total, rule.figures(total, all));
        List<StatisticsRow> rows = new ArrayList<>();
        List<String> keys = List.copyOf(tallies.keySet());
        for (int i = 0; i < keys.size(); i++) {
            rows.add(new StatisticsRow(keys.get(i), protectedFigures.rows().get(i)));
        }
        return new StatisticsReport(filter, List.copyOf(rows), protectedFigures.total(), minimumGroupSize);
    }

    /**
     * Medians need the histogram: per day and legal area from the roll-up; with a site (few rows per
     * site) straight from the anonymous join reports. A per-site breakdown without a site filter has no
     * median (it would need every join of the year).
     */
    private Map<String, FirstFrameHistogram> firstFrames(StatisticsFilter filter) {
        Query query;
        if (filter.hasSite()) {
            query = em.createNativeQuery("select " + keyExpression(filter, "joined_on", "site_code")
                    + " as k, least(first_frame_ms / 50, 200) as b, count(*) from call_quality"
                    + " where joined_on between :from and :to and join_succeeded and first_frame_ms is not null"
                    + conditions(filter, "site_code") + " group by k, b");
        } else if (filter.breakdown() == Breakdown.SITE) {
            return Map.of();
        } else {
            query = em.createNativeQuery("select " + keyExpression(filter, "day", "''")
                    + " as k, bucket, sum(samples) from statistics_first_frame"
                    + " where day between :from and :to" + conditions(filter, null) + " group by k, bucket");
        }
        bind(query, filter);
        Map<String, FirstFrameHistogram> histograms = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            histograms.computeIfAbsent(String.valueOf(columns[0]), k -> new FirstFrameHistogram())
                    .add(((Number) columns[1]).intValue(), ((Number) columns[2]).longValue());
        }
        return histograms;
    }

    /**
     * Without a site, the per-area roll-up has all it needs and is a thousand times smaller. Rows by
     * site over whole months read the monthly roll-up and only the days at either end day by day.
     */
    private static String source(StatisticsFilter filter) {
        if (filter.hasSite()) {
            return "statistics_day";
        }
        if (filter.breakdown() != Breakdown.SITE) {
            return "statistics_day_area";
        }
        if (!usesMonths(filter)) {
            return "statistics_day";
        }
        // statistics_day first: the union's columns take its names (day, not month). The days before the
        // first and after the last whole month are two branches of their own, each a plain range: after
        // five runs the JDBC driver's prepared statement gets PostgreSQL's generic plan, and with
        // "day < :monthsFrom or day >= :monthsTo" that plan read the whole year of statistics_day
        // (731,378 rows) to keep none of them — ~1 s a view (bench/statistics/RESULTS.md).
        return "(select * from statistics_day where day between :from and :headTo"
                + " union all select * from statistics_day where day between :tailFrom and :to"
                + " union all select * from statistics_month_site where month >= :monthsFrom and month < :monthsTo) s";
    }

    private static boolean usesMonths(StatisticsFilter filter) {
        return !filter.hasSite() && filter.breakdown() == Breakdown.SITE && fullMonthsFrom(filter).isBefore(fullMonthsTo(filter));
    }

    private static java.time.LocalDate fullMonthsFrom(StatisticsFilter filter) {
        return filter.from().getDayOfMonth() == 1 ? filter.from() : filter.from().withDayOfMonth(1).plusMonths(1);
    }

    /** Exclusive. */
    private static java.time.LocalDate fullMonthsTo(StatisticsFilter filter) {
        java.time.LocalDate after = filter.to().plusDays(1);
        return after.getDayOfMonth() == 1 ? after : after.withDayOfMonth(1);
    }

    private static String keyExpression(StatisticsFilter filter, String dayColumn, String siteColumn) {
        return switch (filter.breakdown()) {
            case PERIOD -> "cast(date_trunc('" + filter.granularity().truncation() + "', " + dayColumn + ") as date)";
            case LEGAL_AREA -> "legal_area";
            case SITE -> siteColumn;
        };
    }

    private static String conditions(StatisticsFilter filter, String siteColumn) {
        String sql = filter.hasLegalArea() ? " and legal_area = :area" : "";
        if (filter.hasSite() && siteColumn != null) {
            sql += " and " + siteColumn + " = :site";
        }
        return sql;
    }

    private static void bind(Query query, StatisticsFilter filter) {
        query.setParameter("from", filter.from());
        query.setParameter("to", filter.to());
        if (filter.hasLegalArea()) {
            query.setParameter("area", filter.legalArea());
        }
        if (filter.hasSite()) { // every query run with a site filter has the :site condition
            query.setParameter("site", filter.siteCode());
        }
    }
}
