package de.videotermin.statistics.ui;

import de.videotermin.statistics.boundary.Breakdown;
import de.videotermin.statistics.boundary.Figures;
import de.videotermin.statistics.boundary.Granularity;
import de.videotermin.statistics.boundary.StatisticsReport;
import de.videotermin.statistics.boundary.StatisticsRow;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * A report as the analyst sees it: header and text cells, formatted once for the viewer's language.
 * The page and the CSV export both render this, so the export matches the screen cell for cell.
 */
public record StatisticsTable(List<String> header, List<List<String>> rows, List<String> total) {

    public static final String BUNDLE = "de.videotermin.statistics.ui.StatisticsMessages";
    public static final String SITE_BUNDLE = "de.videotermin.site.Messages";
    public static final String DASH = "–";

    static final String[] COLUMNS = {"appointments", "held", "noShows", "callMinutes", "averageDuration",
            "recommendShare", "averageRating", "joinSuccessShare", "relayedShare", "medianFirstFrame",
            "lowQualityShare", "audioOnlyShare"};

    public static StatisticsTable of(StatisticsReport report, Locale locale) {
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale);
        ResourceBundle site = ResourceBundle.getBundle(SITE_BUNDLE, locale);
        List<String> header = new ArrayList<>();
        header.add(texts.getString("column.key." + report.filter().breakdown().name()));
        for (String column : COLUMNS) {
            header.add(texts.getString("column." + column));
        }
        DecimalFormat oneDecimal = new DecimalFormat("0.0", DecimalFormatSymbols.getInstance(locale));
        List<List<String>> rows = new ArrayList<>();
        for (StatisticsRow row : report.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(label(row.key(), report.filter().breakdown(), report.filter().granularity(), texts, site));
            cells.addAll(cells(row.figures(), oneDecimal));
            rows.add(List.copyOf(cells));
        }
        List<String> total = new ArrayList<>();
        total.add(texts.getString("row.total"));
        total.addAll(cells(report.total(), oneDecimal));
        return new StatisticsTable(List.copyOf(header), List.copyOf(rows), List.copyOf(total));
    }

    static String label(String key, Breakdown breakdown, Granularity granularity, ResourceBundle texts, ResourceBundle site) {
        return switch (breakdown) {
            case PERIOD -> {
                LocalDate day = LocalDate.parse(key);
                yield switch (granularity) {
                    case DAY -> key;
                    case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                    case MONTH -> key.substring(0, 7);
                };
            }
            case LEGAL_AREA -> site.containsKey("legalArea." + key) ? site.getString("legalArea." + key) : key;
            case SITE -> key.isEmpty() ? texts.getString("row.noSite") : key;
        };
    }

    private static List<String> cells(Figures f, DecimalFormat oneDecimal) {
        return List.of(Long.toString(f.appointments()), Long.toString(f.held()), Long.toString(f.noShows()),
                Long.toString(f.callMinutes()), number(f.averageDurationMinutes(), oneDecimal),
                percent(f.recommendShare(), oneDecimal), number(f.averageRating(), oneDecimal),
                percent(f.joinSuccessShare(), oneDecimal), percent(f.relayedShare(), oneDecimal),
                f.medianFirstFrameMs() == null ? DASH : Integer.toString(f.medianFirstFrameMs()),
                percent(f.lowQualityShare(), oneDecimal), percent(f.audioOnlyShare(), oneDecimal));
    }

    private static String number(Double value, DecimalFormat format) {
        return value == null ? DASH : format.format(value);
    }

    private static String percent(Double share, DecimalFormat format) {
        return share == null ? DASH : format.format(share * 100);
    }

    /** Semicolon-separated (what spreadsheet programs in German settings expect), quoted where needed. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        rows.forEach(row -> line(out, row));
        line(out, total);
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            String cell = cells.get(i);
            if (cell.contains(";") || cell.contains("\"") || cell.contains("\n")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append("\r\n");
    }
}
