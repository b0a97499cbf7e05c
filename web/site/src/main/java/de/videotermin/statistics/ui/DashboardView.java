package de.videotermin.statistics.ui;

import de.videotermin.statistics.boundary.Breakdown;
import de.videotermin.statistics.boundary.Figures;
import de.videotermin.statistics.boundary.Granularity;
import de.videotermin.statistics.boundary.Statistics;
import de.videotermin.statistics.boundary.StatisticsReport;
import de.videotermin.statistics.boundary.StatisticsRow;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/**
 * The statistics dashboard (analyst/index.xhtml): filter by GET parameters, a table, two charts and
 * the CSV link. The charts get their data as JSON in data-* attributes (no inline script: CSP).
 */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    Statistics statistics;

    @Inject
    de.videotermin.appointment.boundary.Sites sites;

    private StatisticsQuery query;
    private int minimumGroupSize;
    private RowPage page;
    private StatisticsTable table;
    private String volumeChart;
    private String qualityChart;

    @PostConstruct
    void load() {
        FacesContext context = FacesContext.getCurrentInstance();
        Locale locale = context.getViewRoot().getLocale();
        ResourceBundle texts = ResourceBundle.getBundle(StatisticsTable.BUNDLE, locale);
        query = StatisticsQuery.parse(context.getExternalContext().getRequestParameterValuesMap());
        query.problems().forEach(key -> context.addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_ERROR, texts.getString(key), null)));
        StatisticsReport full = statistics.report(query.filter());
        page = RowPage.of(query.page(), query.filter().breakdown() == Breakdown.SITE ? RowPage.SITES_PER_PAGE : Math.max(1, full.rows().size()),
                full.rows().size());
        StatisticsReport report = new StatisticsReport(full.filter(), full.rows().subList(page.from(), page.to()), full.total(),
                full.minimumGroupSize());
        table = StatisticsTable.of(report, locale);
        minimumGroupSize = report.minimumGroupSize();
        List<String> labels = table.rows().stream().map(row -> row.get(0)).toList();
        volumeChart = chart(labels, report, texts, List.of(
                new Series("appointments", f -> (double) f.appointments()),
                new Series("held", f -> (double) f.held()),
                new Series("noShows", f -> (double) f.noShows())));
        qualityChart = chart(labels, report, texts, List.of(
                new Series("recommendShare", f -> percent(f.recommendShare())),
                new Series("joinSuccessShare", f -> percent(f.joinSuccessShare())),
                new Series("relayedShare", f -> percent(f.relayedShare()))));
    }

    private record Series(String column, Function<Figures, Double> value) {
    }

    private static Double percent(Double share) {
        return share == null ? null : Math.round(share * 1000) / 10.0;
    }

    private static String chart(List<String> labels, StatisticsReport report, ResourceBundle texts, List<Series> series) {
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Series s : series) {
            JsonArrayBuilder data = Json.createArrayBuilder();
            for (StatisticsRow row : report.rows()) {
                Double value = s.value().apply(row.figures());
                if (value == null) {
                    data.addNull();
                } else {
                    data.add(value);
                }
            }
            JsonObjectBuilder dataset = Json.createObjectBuilder()
                    .add("key", s.column())
                    .add("label", texts.getString("column." + s.column()))
                    .add("data", data);
            datasets.add(dataset);
        }
        return Json.createObjectBuilder()
                .add("labels", Json.createArrayBuilder(labels))
                .add("datasets", datasets)
                .build().toString();
    }

    public StatisticsTable getTable() { return table; }
    public int getMinimumGroupSize() { return minimumGroupSize; }
    public RowPage getPage() { return page; }
    public String pageQuery(int number) { return query.queryString() + "&page=" + number; }
    public String getVolumeChart() { return volumeChart; }
    public String getQualityChart() { return qualityChart; }
    public String getCsvQuery() { return query.queryString(); }
    public String getFrom() { return query.filter().from().toString(); }
    public String getTo() { return query.filter().to().toString(); }
    public String getGranularity() { return query.filter().granularity().name(); }
    public String getBreakdown() { return query.filter().breakdown().name(); }
    public String getLegalArea() { return query.filter().hasLegalArea() ? query.filter().legalArea() : ""; }
    public String getSite() { return query.filter().hasSite() ? query.filter().siteCode() : ""; }
    public List<String> getGranularities() { return Arrays.stream(Granularity.values()).map(Enum::name).toList(); }
    public List<String> getBreakdowns() { return Arrays.stream(Breakdown.values()).map(Enum::name).toList(); }
    /** Every legal area the admin keeps (also deactivated ones: their past appointments are in the figures). */
    public List<AreaOption> getLegalAreas() {
        String language = jakarta.faces.context.FacesContext.getCurrentInstance().getViewRoot().getLocale().getLanguage();
        return sites.legalAreas().stream().map(a -> new AreaOption(a.getCode(), a.name(language))).toList();
    }

    /** One entry of the legal-area filter. */
    public record AreaOption(String code, String label) {
    }
}
