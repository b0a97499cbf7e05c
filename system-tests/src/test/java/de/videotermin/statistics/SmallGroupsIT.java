package de.videotermin.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The minimum group size (5 on the test stack, the default): a small site's day with two
 * consultations must not show what those two people answered or experienced — on the screen, in the
 * chart and in the CSV alike. Nor may the total minus the other days give it back: the next-smallest
 * day (six people) is withheld too, "to protect others" (complementary suppression), while the day with
 * nine and the total of all three show their figures.
 *
 * <pre>
 *  day A: 2 held, calls of 10 min, answers (5, yes) (4, yes), 2 joins ok at 400 ms       → withheld: fewer than 5
 *  day B: 6 held, calls of 20 min, answers 3 × (4, yes) 3 × (2, no), 6 joins ok at 600 ms → withheld to protect A
 *         (only its median, 625 ms, stays: a median is not total minus rows)
 *  day C: 9 held, calls of 30 min, answers 6 × (5, yes) 3 × (3, no), 9 joins ok at 800 ms
 *         9, 9, 0, 270 min, Ø 30.0, 6 of 9 = 66.7 %, Ø 39/9 = 4.3, 100.0 %, 0.0 %, median 825 ms, 0.0, 0.0
 *  total: 17, 17, 0, 410 min, Ø 410/17 = 24.1, 11 of 17 = 64.7 %, Ø 66/17 = 3.9, 100.0 %, 0.0 %,
 *         median 825 ms (9th of 17 joins: 2 × 400, 6 × 600, 9 × 800), 0.0, 0.0
 *  Before complementary suppression the total showed B's and C's figures next to the total: 410 − 120 − 270
 *  = A's 20 minutes, (66 − 18 − 39) / 2 = A's average rating 4.5.
 * </pre>
 */
class SmallGroupsIT {

    static final int YEAR = ThreadLocalRandom.current().nextInt(2401, 2800);
    static final LocalDate A = LocalDate.of(YEAR, 1, 10);
    static final LocalDate B = A.plusDays(1);
    static final LocalDate C = A.plusDays(2);
    static final String SITE = "SG-" + UUID.randomUUID().toString().substring(0, 8);
    static final String FEWER_DE = "weniger als 5";
    static final String FEWER_EN = "fewer than 5";
    static final String PROTECT_DE = "zum Schutz zurückgehalten";
    static final String PROTECT_EN = "withheld to protect others";

    @BeforeAll
    static void seed() throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("insert into site (code, name) values ('" + SITE + "', 'Small site') on conflict (code) do nothing");
            held(s, A, 2, 600);
            held(s, B, 6, 1200);
            held(s, C, 9, 1800);
            s.execute(answers(A, "(5, true), (4, true)"));
            s.execute(answers(B, "(4, true), (4, true), (4, true), (2, false), (2, false), (2, false)"));
            s.execute(answers(C, "(5, true), (5, true), (5, true), (5, true), (5, true), (5, true), (3, false), (3, false), (3, false)"));
            s.execute(joins(A, 2, 400));
            s.execute(joins(B, 6, 600));
            s.execute(joins(C, 9, 800));
            s.execute("select cast(statistics_refresh(date '" + A + "', date '" + C + "') as text)");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        StatisticsIT.removeSite(SITE, A, C);
    }

    /** Held consultations at 10:00, 11:00 … with a finished direct call each. */
    private static void held(Statement s, LocalDate day, int count, int seconds) throws Exception {
        s.execute("create temp table if not exists sg_ids (id uuid, starts_at timestamptz)");
        s.execute("truncate sg_ids");
        s.execute("insert into sg_ids select gen_random_uuid(), (date '" + day + "' + time '10:00' + n * interval '1 hour')"
                + " at time zone 'Europe/Berlin' from generate_series(0, " + (count - 1) + ") n");
        s.execute("insert into appointment (id, room_id, link_token_hash, advisor_username, advisor_name, citizen_name, legal_area,"
                + " starts_at, duration_minutes, status, created_at, site_code) select id, replace(id::text, '-', ''),"
                + " md5(id::text) || md5(id::text), 'sg.advisor.' || id, 'SG Advisor', 'SG Citizen', 'FAMILY_BENEFITS', starts_at,"
                + " 30, 'DONE', now(), '" + SITE + "' from sg_ids");
        s.execute("insert into consultation_outcome select id, 'HELD', now() from sg_ids");
        s.execute("insert into call_record (id, appointment_id, started_at, ended_at, duration_seconds, connection_type)"
                + " select gen_random_uuid(), id, starts_at, starts_at + interval '" + seconds + " seconds', " + seconds
                + ", 'DIRECT' from sg_ids");
    }

    private static String answers(LocalDate day, String ratingsAndRecommend) {
        return "insert into feedback_answer (id, legal_area, site_code, answered_on, rating, would_recommend)"
                + " select gen_random_uuid(), 'FAMILY_BENEFITS', '" + SITE + "', date '" + day + "', r, w from (values "
                + ratingsAndRecommend + ") v(r, w)";
    }

    private static String joins(LocalDate day, int count, int firstFrameMs) {
        return "insert into call_quality (id, legal_area, site_code, joined_on, join_succeeded, first_frame_ms)"
                + " select gen_random_uuid(), 'FAMILY_BENEFITS', '" + SITE + "', date '" + day + "', true, " + firstFrameMs
                + " from generate_series(1, " + count + ")";
    }

    private static String dashboard() {
        return Stack.BASE_URL + "/analyst/index.xhtml?from=" + A + "&to=" + C + "&granularity=DAY&breakdown=PERIOD&site=" + SITE;
    }

    private static Browser analyst(String language) {
        Browser browser = Browser.start(language);
        browser.open(Stack.BASE_URL + "/analyst/");
        browser.signInAtKeycloak("lena.vogel", Stack.DEMO_PASSWORD);
        browser.waitFor(By.id("staff-name"));
        browser.open(dashboard());
        browser.waitFor(By.id("statistics-table"));
        return browser;
    }

    @Test
    void aSmallDaysFiguresAreWithheldAndTheNextSmallestDayWithThemSoTheTotalGivesNothingBack() {
        try (Browser browser = analyst("de")) {
            List<List<String>> table = StatisticsIT.tableRows(browser);
            assertThat(table).containsExactly(
                    List.of(A.toString(), "2", "2", "0", FEWER_DE, FEWER_DE, FEWER_DE, FEWER_DE, FEWER_DE, FEWER_DE, FEWER_DE,
                            FEWER_DE, FEWER_DE),
                    List.of(B.toString(), "6", "6", "0", PROTECT_DE, PROTECT_DE, PROTECT_DE, PROTECT_DE, PROTECT_DE, PROTECT_DE,
                            "625", PROTECT_DE, PROTECT_DE),
                    List.of(C.toString(), "9", "9", "0", "270", "30,0", "66,7", "4,3", "100,0", "0,0", "825", "0,0", "0,0"),
                    List.of("Summe", "17", "17", "0", "410", "24,1", "64,7", "3,9", "100,0", "0,0", "825", "0,0", "0,0"));
            // what the analyst sees: in no additive column is exactly one row withheld next to a shown total
            // (the median, column 10, is not total minus rows: A's stays withheld for its own group alone)
            for (int column = 1; column < table.get(0).size(); column++) {
                if (column == 10) {
                    continue;
                }
                int col = column;
                long withheld = table.subList(0, 3).stream().filter(row -> !row.get(col).matches("[0-9,–]+")).count();
                assertThat(withheld).as("withheld rows in column %d", column).isNotEqualTo(1);
            }
            assertThat(browser.driver().findElements(By.cssSelector("#statistics-table td.suppressed"))).hasSize(17);
            assertThat(browser.driver().findElements(By.cssSelector("#statistics-table td.suppressed.secondary"))).hasSize(8);
            assertThat(browser.driver().findElement(By.id("suppression-note")).getText())
                    .contains("weniger als 5 Personen");
            assertThat(browser.driver().findElement(By.id("secondary-note")).getText())
                    .startsWith("„zum Schutz zurückgehalten“").contains("Summe minus die übrigen Zeilen");
            // the chart leaves both withheld shares out instead of drawing them
            Object recommend = browser.script(
                    "return Chart.getChart(document.getElementById('chart-quality')).data.datasets[0].data;");
            assertThat((List<?>) recommend).hasSize(3);
            assertThat(((List<?>) recommend).get(0)).isNull();
            assertThat(((List<?>) recommend).get(1)).isNull();
            assertThat(((Number) ((List<?>) recommend).get(2)).doubleValue()).isEqualTo(66.7);
            Object joins = browser.script(
                    "return Chart.getChart(document.getElementById('chart-quality')).data.datasets[1].data;");
            assertThat(((List<?>) joins).subList(0, 2)).containsOnlyNulls();
            assertThat(((Number) ((List<?>) joins).get(2)).doubleValue()).isEqualTo(100.0);
            assertThat(browser.accessibilityViolations()).as("axe with withheld cells").isEmpty();
        }
    }

    @Test
    void theCsvWithholdsExactlyWhatTheScreenWithholds() {
        try (Browser browser = analyst("en")) {
            List<String> header = browser.driver().findElements(By.cssSelector("#statistics-table thead th")).stream()
                    .map(WebElement::getText).toList();
            List<List<String>> screen = StatisticsIT.tableRows(browser);
            String csv = (String) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('csv-export').href).then(r => r.text()).then(done, e => done('ERROR ' + e));
                    """);
            List<List<String>> lines = Arrays.stream(csv.split("\r?\n")).map(line -> List.of(line.split(";", -1))).toList();
            assertThat(lines).hasSize(screen.size() + 1);
            assertThat(lines.get(0).get(header.size())).isEqualTo("Withheld (fewer than 5 people)");
            assertThat(lines.get(0).get(header.size() + 1)).isEqualTo("Withheld to protect other figures");
            for (int r = 0; r < screen.size(); r++) {
                List<String> shown = screen.get(r);
                List<String> exported = lines.get(r + 1);
                assertThat(exported).hasSize(header.size() + 2);
                List<String> withheld = new ArrayList<>();
                List<String> protecting = new ArrayList<>();
                for (int col = 0; col < shown.size(); col++) {
                    if (FEWER_EN.equals(shown.get(col)) || PROTECT_EN.equals(shown.get(col))) {
                        assertThat(exported.get(col)).as("row %d column %s", r, header.get(col)).isEmpty();
                        (FEWER_EN.equals(shown.get(col)) ? withheld : protecting).add(header.get(col));
                    } else {
                        assertThat(exported.get(col)).as("row %d column %s", r, header.get(col)).isEqualTo(shown.get(col));
                    }
                }
                assertThat(exported.get(shown.size())).isEqualTo(String.join(", ", withheld));
                assertThat(exported.get(shown.size() + 1)).isEqualTo(String.join(", ", protecting));
            }
            assertThat(lines.get(1).get(shown(lines, "Avg. rating"))).isEmpty();
            assertThat(lines.get(1).get(header.size())).contains("Avg. rating", "Would recommend (%)", "Call minutes");
            assertThat(lines.get(1).get(header.size() + 1)).isEmpty();
            // day B: the same cells as on the screen, named as withheld to protect others, its median shown
            assertThat(lines.get(2).get(shown(lines, "Avg. rating"))).isEmpty();
            assertThat(lines.get(2).get(shown(lines, "Median time to first frame (ms)"))).isEqualTo("625");
            assertThat(lines.get(2).get(header.size())).isEmpty();
            assertThat(lines.get(2).get(header.size() + 1)).isEqualTo("Call minutes, Avg. duration (min), Would recommend (%),"
                    + " Avg. rating, Successful joins (%), Relayed (%), Low quality (%), Audio only (%)");
            assertThat(lines.get(3).get(header.size())).isEmpty();
            assertThat(lines.get(3).get(header.size() + 1)).isEmpty();
            assertThat(lines.get(4).get(shown(lines, "Call minutes"))).isEqualTo("410");
            assertThat(browser.accessibilityViolations()).as("axe in English with withheld cells").isEmpty();
        }
    }

    private static int shown(List<List<String>> lines, String column) {
        return lines.get(0).indexOf(column);
    }
}
