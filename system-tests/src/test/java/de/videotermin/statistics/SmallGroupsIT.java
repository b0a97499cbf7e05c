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
 * chart and in the CSV alike — while a day with six, and the total of both, show their figures.
 *
 * <pre>
 *  day A: 2 held, calls of 10 min, answers (5, yes) (4, yes), 2 joins ok at 400 ms
 *  day B: 6 held, calls of 20 min, answers 3 × (4, yes) 3 × (2, no), 6 joins ok at 600 ms
 *  day B: 6, 6, 0, 120 min, Ø 20.0, 50.0 %, Ø 3.0, 100.0 %, relayed 0.0 %, median 625 ms (bucket 600–649), 0.0, 0.0
 *  total: 8, 8, 0, 140 min, Ø 17.5, 5 of 8 = 62.5 %, Ø 27/8 = 3.4, 100.0 %, 0.0 %, median 625 ms, 0.0, 0.0
 * </pre>
 */
class SmallGroupsIT {

    static final int YEAR = ThreadLocalRandom.current().nextInt(2401, 2800);
    static final LocalDate A = LocalDate.of(YEAR, 1, 10);
    static final LocalDate B = A.plusDays(1);
    static final String SITE = "SG-" + UUID.randomUUID().toString().substring(0, 8);
    static final String FEWER_DE = "weniger als 5";
    static final String FEWER_EN = "fewer than 5";

    @BeforeAll
    static void seed() throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("insert into site (code, name) values ('" + SITE + "', 'Small site') on conflict (code) do nothing");
            held(s, A, 2, 600);
            held(s, B, 6, 1200);
            s.execute(answers(A, "(5, true), (4, true)"));
            s.execute(answers(B, "(4, true), (4, true), (4, true), (2, false), (2, false), (2, false)"));
            s.execute(joins(A, 2, 400));
            s.execute(joins(B, 6, 600));
            s.execute("select cast(statistics_refresh(date '" + A + "', date '" + B + "') as text)");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        StatisticsIT.removeSite(SITE, A, B);
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
        return Stack.BASE_URL + "/analyst/index.xhtml?from=" + A + "&to=" + B + "&granularity=DAY&breakdown=PERIOD&site=" + SITE;
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
    void aSmallDaysRatingsAndCallFiguresAreWithheldWhileLargerGroupsShow() {
        try (Browser browser = analyst("de")) {
            assertThat(StatisticsIT.tableRows(browser)).containsExactly(
                    List.of(A.toString(), "2", "2", "0", FEWER_DE, FEWER_DE, FEWER_DE, FEWER_DE, FEWER_DE, FEWER_DE, FEWER_DE,
                            FEWER_DE, FEWER_DE),
                    List.of(B.toString(), "6", "6", "0", "120", "20,0", "50,0", "3,0", "100,0", "0,0", "625", "0,0", "0,0"),
                    List.of("Summe", "8", "8", "0", "140", "17,5", "62,5", "3,4", "100,0", "0,0", "625", "0,0", "0,0"));
            assertThat(browser.driver().findElements(By.cssSelector("#statistics-table td.suppressed"))).hasSize(9);
            assertThat(browser.driver().findElement(By.id("suppression-note")).getText())
                    .contains("weniger als 5 Personen");
            // the chart leaves the withheld share out instead of drawing the two people's answers
            Object recommend = browser.script(
                    "return Chart.getChart(document.getElementById('chart-quality')).data.datasets[0].data;");
            assertThat((List<?>) recommend).hasSize(2);
            assertThat(((List<?>) recommend).get(0)).isNull();
            assertThat(((Number) ((List<?>) recommend).get(1)).doubleValue()).isEqualTo(50.0);
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
            for (int r = 0; r < screen.size(); r++) {
                List<String> shown = screen.get(r);
                List<String> exported = lines.get(r + 1);
                List<String> withheld = new ArrayList<>();
                for (int col = 0; col < shown.size(); col++) {
                    if (FEWER_EN.equals(shown.get(col))) {
                        assertThat(exported.get(col)).as("row %d column %s", r, header.get(col)).isEmpty();
                        withheld.add(header.get(col));
                    } else {
                        assertThat(exported.get(col)).as("row %d column %s", r, header.get(col)).isEqualTo(shown.get(col));
                    }
                }
                assertThat(exported.get(shown.size())).isEqualTo(String.join(", ", withheld));
            }
            assertThat(lines.get(1).get(shown(lines, "Avg. rating"))).isEmpty();
            assertThat(lines.get(1).get(header.size())).contains("Avg. rating", "Would recommend (%)", "Call minutes");
            assertThat(lines.get(2).get(header.size())).isEmpty();
        }
    }

    private static int shown(List<List<String>> lines, String column) {
        return lines.get(0).indexOf(column);
    }
}
