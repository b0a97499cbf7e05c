package de.videotermin.statistics.ui;

import de.videotermin.statistics.boundary.Breakdown;
import de.videotermin.statistics.boundary.Granularity;
import de.videotermin.statistics.boundary.StatisticsFilter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The dashboard's filter as it travels in the URL (GET, so a view is bookmarkable and the CSV link
 * carries exactly the filter of the screen). Unknown or malformed values become message keys, never
 * exceptions.
 */
public record StatisticsQuery(StatisticsFilter filter, int page, List<String> problems) {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    public static StatisticsQuery parse(Map<String, String[]> parameters) {
        List<String> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(ZONE);
        LocalDate to = date(first(parameters, "to"), today, problems, "filter.invalid.to");
        LocalDate from = date(first(parameters, "from"), to.minusDays(29), problems, "filter.invalid.from");
        Granularity granularity = choice(first(parameters, "granularity"), Granularity::valueOf, Granularity.DAY, problems);
        Breakdown breakdown = choice(first(parameters, "breakdown"), Breakdown::valueOf, Breakdown.PERIOD, problems);
        String legalArea = blankToNull(first(parameters, "legalArea"));
        if (legalArea != null && !legalArea.matches("[A-Z_]{1,64}")) {
            problems.add("filter.invalid.legalArea");
            legalArea = null;
        }
        String site = blankToNull(first(parameters, "site"));
        if (site != null && !site.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add("filter.invalid.site");
            site = null;
        }
        if (from.isAfter(to) || !from.plusDays(StatisticsFilter.MAX_DAYS).isAfter(to)) {
            problems.add("filter.invalid.range");
            from = to.minusDays(29);
        }
        int page = 1;
        String pageValue = blankToNull(first(parameters, "page"));
        if (pageValue != null) {
            if (pageValue.matches("[1-9][0-9]{0,5}")) {
                page = Integer.parseInt(pageValue);
            } else {
                problems.add("filter.invalid.page");
            }
        }
        return new StatisticsQuery(new StatisticsFilter(from, to, granularity, breakdown, legalArea, site), page,
                List.copyOf(problems));
    }

    /** The query string of this filter without the page, for the CSV link (the CSV holds every row). */
    public String queryString() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", filter.from().toString());
        values.put("to", filter.to().toString());
        values.put("granularity", filter.granularity().name());
        values.put("breakdown", filter.breakdown().name());
        if (filter.hasLegalArea()) {
            values.put("legalArea", filter.legalArea());
        }
        if (filter.hasSite()) {
            values.put("site", filter.siteCode());
        }
        return values.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static LocalDate date(String value, LocalDate fallback, List<String> problems, String problem) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(problem);
            return fallback;
        }
    }

    private static <E extends Enum<E>> E choice(String value, Function<String, E> parse, E fallback, List<String> problems) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (IllegalArgumentException e) {
            problems.add("filter.invalid.choice");
            return fallback;
        }
    }

    private static String first(Map<String, String[]> parameters, String name) {
        String[] values = parameters.get(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
