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
 *
 * <p>A figure withheld for a small group reads {@code suppressed} ("fewer than 5") on the screen, one
 * withheld only to protect another ({@link de.videotermin.statistics.boundary.Figures#secondary()})
 * reads {@code secondary} ("withheld to protect others"). In the CSV both cells are empty and the last
 * two columns name the withheld columns of that row by reason, so a program reading the file never
 * mistakes a withheld figure for a value or for "nothing measured" ("–").
 */
public record StatisticsTable(List<String> header, List<List<String>> rows, List<String> total, String suppressed,
                              String suppressedHeader, String secondary, String secondaryHeader) {

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
        String suppressed = java.text.MessageFormat.format(texts.getString("cell.suppressed"), report.minimumGroupSize());
        String secondary = texts.getString("cell.secondary");
        List<List<String>> rows = new ArrayList<>();
        for (StatisticsRow row : report.rows()) {
            List<String> cells = new ArrayList<>();
            cells.add(label(row.key(), report.filter().breakdown(), report.filter().granularity(), texts, site));
            cells.addAll(cells(row.figures(), oneDecimal, suppressed, secondary));
            rows.add(List.copyOf(cells));
        }
        List<String> total = new ArrayList<>();
        total.add(texts.getString("row.total"));
        total.addAll(cells(report.total(), oneDecimal, suppressed, secondary));
        String suppressedHeader = java.text.MessageFormat.format(texts.getString("column.suppressed"), report.minimumGroupSize());
        return new StatisticsTable(List.copyOf(header), List.copyOf(rows), List.copyOf(total), suppressed, suppressedHeader,
                secondary, texts.getString("column.secondary"));
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

    private static List<String> cells(Figures f, DecimalFormat oneDecimal, String suppressed, String secondary) {
        List<String> values = List.of(Long.toString(f.appointments()), Long.toString(f.held()), Long.toString(f.noShows()),
                Long.toString(f.callMinutes()), number(f.averageDurationMinutes(), oneDecimal),
                percent(f.recommendShare(), oneDecimal), number(f.averageRating(), oneDecimal),
                percent(f.joinSuccessShare(), oneDecimal), percent(f.relayedShare(), oneDecimal),
                f.medianFirstFrameMs() == null ? DASH : Integer.toString(f.medianFirstFrameMs()),
                percent(f.lowQualityShare(), oneDecimal), percent(f.audioOnlyShare(), oneDecimal));
        List<String> cells = new ArrayList<>(values);
        for (int i = 0; i < COLUMNS.length; i++) {
            if (f.isSecondary(COLUMNS[i])) {
                cells.set(i, secondary);
            } else if (f.isSuppressed(COLUMNS[i])) {
                cells.set(i, suppressed);
            }
        }
        return List.copyOf(cells);
    }

    /** Whether a cell of this table is a withheld figure, for either reason (for the page's styling). */
    public boolean isSuppressed(String cell) {
        return suppressed.equals(cell) || secondary.equals(cell);
    }

    /** Whether a cell of this table was withheld only to protect another figure. */
    public boolean isSecondary(String cell) {
        return secondary.equals(cell);
    }

    /** The page's class for a cell: withheld cells in italics, those withheld to protect others marked apart. */
    public String cellClass(String cell) {
        return isSecondary(cell) ? "suppressed secondary" : isSuppressed(cell) ? "suppressed" : null;
    }

    private static String number(Double value, DecimalFormat format) {
        return value == null ? DASH : format.format(value);
    }

    private static String percent(Double share, DecimalFormat format) {
        return share == null ? DASH : format.format(share * 100);
    }

    /**
     * Semicolon-separated (what spreadsheet programs in German settings expect), quoted where needed.
     * Withheld figures are empty cells; the last two columns list the headers of the withheld ones,
     * comma-separated: first those withheld for fewer than k people, then those withheld to protect them.
     */
    public String csv() {
        StringBuilder out = new StringBuilder();
        List<String> head = new ArrayList<>(header);
        head.add(suppressedHeader);
        head.add(secondaryHeader);
        line(out, head);
        rows.forEach(row -> line(out, csvRow(row)));
        line(out, csvRow(total));
        return out.toString();
    }

    private List<String> csvRow(List<String> cells) {
        List<String> out = new ArrayList<>();
        List<String> withheld = new ArrayList<>();
        List<String> protecting = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0 && isSecondary(cells.get(i))) {
                out.add("");
                protecting.add(header.get(i));
            } else if (i > 0 && isSuppressed(cells.get(i))) {
                out.add("");
                withheld.add(header.get(i));
            } else {
                out.add(cells.get(i));
            }
        }
        out.add(String.join(", ", withheld));
        out.add(String.join(", ", protecting));
        return out;
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
