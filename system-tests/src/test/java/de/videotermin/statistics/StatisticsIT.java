package de.videotermin.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard against a small known data set around a DST switch, with hand-computed figures.
 *
 * <p>The data lie in a random far-future year on the weekend clocks go forward (last Sunday of
 * March, 02:00 → 03:00 in Berlin) at a site code of their own, so they never mix with other data.
 * Hand computation (D = that Sunday, all times Berlin), for one copy of the data; the test stores every
 * fact five times (so that no figure falls under the minimum group size), which multiplies the counts
 * and minutes by five and leaves shares, averages and medians as they are:
 * <pre>
 *  A1 FAMILY_BENEFITS  D-1 23:40  call 23:45 → D 00:15 (30 min; 15 on each day), outcome HELD, direct
 *  A2 FAMILY_BENEFITS  D   01:30  call 01:40 → 03:10 across the switch = 30 real minutes, relayed, no outcome
 *  A3 FAMILY_BENEFITS  D   10:00  outcome NO_SHOW, no call
 *  A4 FAMILY_BENEFITS  D   11:00  CANCELLED: not counted at all
 *  A5 CAREER_GUIDANCE  D   14:00  call 14:00 → 14:20, outcome HELD, direct
 *  survey: D-1 FB (5, yes); D FB (4, yes), (2, no), (comment only); D CG (3, yes)
 *  joins:  D FB ok 400 ms, ok 900 ms, failed; D CG ok 450 ms with low quality and audio only
 *
 *  day D-1: 1 appointment, 1 held, 0 no-shows, 15 min, Ø 30.0, 100.0 %, Ø 5.0, joins –, relayed 0.0, median –
 *  day D:   3 appointments, 2 held (A2 by its call, A5), 1 no-show, 15+30+20 = 65 min, Ø (30+20)/2 = 25.0,
 *           2 of 3 recommend 66.7 %, Ø (4+2+3)/3 = 3.0, joins 3 of 4 = 75.0 %, relayed 1 of 2 = 50.0 %,
 *           median of 400/450/900 = 450 → bucket 450–499 → 475 ms, low 1 of 3 = 33.3 %, audio only 33.3 %
 *  total:   4, 3, 1, 80 min, Ø (30+30+20)/3 = 26.7, 3 of 4 = 75.0 %, Ø 14/4 = 3.5, 75.0 %, 1 of 3 = 33.3 %, 475, 33.3, 33.3
 * </pre>
 */
class StatisticsIT {

    static final int YEAR = ThreadLocalRandom.current().nextInt(2050, 2400);
    static final LocalDate D = LocalDate.of(YEAR, 3, 31).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
    static final LocalDate D1 = D.minusDays(1);
    static final String SITE = "IT-" + UUID.randomUUID().toString().substring(0, 8);

    static final List<String> DAY_BEFORE = List.of(D1.toString(), "5", "5", "0", "75", "30,0", "100,0", "5,0", "–", "0,0", "–", "–", "–");
    static final List<String> SUNDAY = List.of(D.toString(), "15", "10", "5", "325", "25,0", "66,7", "3,0", "75,0", "50,0", "475", "33,3", "33,3");
    static final List<String> TOTAL = List.of("Summe", "20", "15", "5", "400", "26,7", "75,0", "3,5", "75,0", "33,3", "475", "33,3", "33,3");

    @BeforeAll
    static void seed() throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("insert into site (code, name) values ('" + SITE + "', 'Statistics test site') on conflict (code) do nothing");
            // Every fact five times: the minimum group size (5 by default) withholds figures behind fewer
            // people; five copies leave every share, average and median as computed below and multiply the counts.
            for (int copy = 0; copy < 5; copy++) {
                appointment(s, "FAMILY_BENEFITS", D1 + " 23:40", "DONE", "HELD", D1 + " 23:45", D + " 00:15", 1800, "DIRECT");
                appointment(s, "FAMILY_BENEFITS", D + " 01:30", "DONE", null, D + " 01:40", D + " 03:10", 1800, "RELAYED");
                appointment(s, "FAMILY_BENEFITS", D + " 10:00", "PLANNED", "NO_SHOW", null, null, 0, null);
                appointment(s, "FAMILY_BENEFITS", D + " 11:00", "CANCELLED", null, null, null, 0, null);
                appointment(s, "CAREER_GUIDANCE", D + " 14:00", "DONE", "HELD", D + " 14:00", D + " 14:20", 1200, "DIRECT");
                feedback(s, "FAMILY_BENEFITS", D1, "5", "true", null);
                feedback(s, "FAMILY_BENEFITS", D, "4", "true", null);
                feedback(s, "FAMILY_BENEFITS", D, "2", "false", null);
                feedback(s, "FAMILY_BENEFITS", D, "null", "null", "'a private remark'");
                feedback(s, "CAREER_GUIDANCE", D, "3", "true", null);
                quality(s, "FAMILY_BENEFITS", true, "400", false, false);
                quality(s, "FAMILY_BENEFITS", true, "900", false, false);
                quality(s, "FAMILY_BENEFITS", false, "null", false, false);
                quality(s, "CAREER_GUIDANCE", true, "450", true, true);
            }
            s.execute("select cast(statistics_refresh(date '" + D1 + "', date '" + D + "') as text)");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        removeSite(SITE, D1, D);
    }

    /** Removes what a test stored for its own site and rebuilds the roll-up of those days. */
    static void removeSite(String site, LocalDate from, LocalDate to) throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("delete from appointment where site_code = '" + site + "'");
            s.execute("delete from feedback_answer where site_code = '" + site + "'");
            s.execute("delete from call_quality where site_code = '" + site + "'");
            s.execute("select cast(statistics_refresh(date '" + from + "', date '" + to + "') as text)");
        }
    }

    private static void appointment(Statement s, String area, String startsAt, String status, String outcome,
                                    String callStart, String callEnd, int seconds, String connection) throws Exception {
        UUID id = UUID.randomUUID();
        s.execute("insert into appointment (id, room_id, link_token_hash, advisor_username, advisor_name, citizen_name, legal_area,"
                + " starts_at, duration_minutes, status, created_at, site_code) values ('" + id + "', '" + UUID.randomUUID()
                + "', '" + UUID.randomUUID() + "', 'it.advisor." + id + "', 'IT Advisor', 'IT Citizen', '" + area + "', timestamp '"
                + startsAt + "' at time zone 'Europe/Berlin', 60, '" + status + "', now(), '" + SITE + "')");
        if (outcome != null) {
            s.execute("insert into consultation_outcome values ('" + id + "', '" + outcome + "', now())");
        }
        if (callStart != null) {
            s.execute("insert into call_record values ('" + UUID.randomUUID() + "', '" + id + "', timestamp '" + callStart
                    + "' at time zone 'Europe/Berlin', timestamp '" + callEnd + "' at time zone 'Europe/Berlin', " + seconds
                    + ", '" + connection + "')");
        }
    }

    private static void feedback(Statement s, String area, LocalDate day, String rating, String recommend, String comment)
            throws Exception {
        s.execute("insert into feedback_answer (id, legal_area, site_code, answered_on, rating, would_recommend, comment) values ('"
                + UUID.randomUUID() + "', '" + area + "', '" + SITE + "', date '" + day + "', " + rating + ", " + recommend + ", "
                + comment + ")");
    }

    private static void quality(Statement s, String area, boolean ok, String firstFrame, boolean low, boolean audio)
            throws Exception {
        s.execute("insert into call_quality values ('" + UUID.randomUUID() + "', '" + area + "', '" + SITE + "', date '" + D
                + "', " + ok + ", " + firstFrame + ", " + low + ", " + audio + ")");
    }

    static String dashboard(String query) {
        return Stack.BASE_URL + "/analyst/index.xhtml?from=" + D1 + "&to=" + D + query;
    }

    static List<List<String>> tableRows(Browser browser) {
        return browser.driver().findElements(By.cssSelector("#statistics-table tbody tr, #statistics-table tfoot tr")).stream()
                .map(tr -> tr.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    private static Browser analyst(String language) {
        Browser browser = Browser.start(language);
        browser.open(Stack.BASE_URL + "/analyst/");
        browser.signInAtKeycloak("lena.vogel", Stack.DEMO_PASSWORD);
        browser.waitFor(By.id("staff-name"));
        return browser;
    }

    @Test
    void figuresMatchHandComputedValuesAcrossMidnightAndTheDstSwitch() {
        try (Browser browser = analyst("de")) {
            browser.open(dashboard("&granularity=DAY&breakdown=PERIOD&site=" + SITE));
            browser.waitFor(By.id("statistics-table"));
            assertThat(tableRows(browser)).containsExactly(DAY_BEFORE, SUNDAY, TOTAL);
        }
    }

    @Test
    void byLegalAreaWithoutSiteFilterReadsTheRollUpAndItsHistogram() {
        try (Browser browser = analyst("de")) {
            browser.open(dashboard("&granularity=WEEK&breakdown=LEGAL_AREA&legalArea=CAREER_GUIDANCE"));
            browser.waitFor(By.id("statistics-table"));
            // only our site has data in that far-future week
            assertThat(tableRows(browser)).containsExactly(
                    List.of("Berufsberatung", "5", "5", "0", "100", "20,0", "100,0", "3,0", "100,0", "0,0", "475", "100,0", "100,0"),
                    List.of("Summe", "5", "5", "0", "100", "20,0", "100,0", "3,0", "100,0", "0,0", "475", "100,0", "100,0"));
        }
    }

    @Test
    void bySiteOverWholeMonthsAndEdgeDaysGivesTheSameFigures() {
        try (Browser browser = analyst("de")) {
            // 15 Feb – 30 Apr: March and April from the monthly roll-up, the February days day by day
            browser.open(Stack.BASE_URL + "/analyst/index.xhtml?from=" + YEAR + "-02-15&to=" + YEAR + "-04-30&breakdown=SITE");
            browser.waitFor(By.id("statistics-table"));
            List<String> figures = List.of("20", "15", "5", "400", "26,7", "75,0", "3,5", "75,0", "33,3", "–", "33,3", "33,3");
            List<String> ours = new java.util.ArrayList<>(List.of(SITE));
            ours.addAll(figures);
            assertThat(tableRows(browser)).contains(ours);
        }
    }

    @Test
    void csvExportMatchesTheScreen() {
        try (Browser browser = analyst("en")) {
            browser.open(dashboard("&granularity=DAY&breakdown=PERIOD&site=" + SITE));
            List<String> header = browser.driver().findElements(By.cssSelector("#statistics-table thead th")).stream()
                    .map(WebElement::getText).toList();
            List<List<String>> screen = tableRows(browser);
            String csv = (String) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('csv-export').href).then(r => r.text()).then(done, e => done('ERROR ' + e));
                    """);
            List<List<String>> lines = Arrays.stream(csv.split("\r?\n")).map(line -> List.of(line.split(";", -1))).toList();
            // the CSV's last column names withheld figures; nothing is withheld here
            assertThat(lines.get(0).subList(0, header.size())).isEqualTo(header);
            assertThat(lines.get(0).get(header.size())).isEqualTo("Withheld (fewer than 5 people)");
            assertThat(lines.subList(1, lines.size())).extracting(line -> line.subList(0, header.size())).isEqualTo(screen);
            assertThat(lines.subList(1, lines.size())).extracting(line -> line.get(header.size())).containsOnly("");
            assertThat(screen.get(1)).contains("66.7", "475");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void chartsRenderWithTheExpectedSeries() {
        try (Browser browser = analyst("de")) {
            browser.open(dashboard("&granularity=DAY&breakdown=PERIOD&site=" + SITE));
            browser.waitFor(By.id("chart-volume"));
            Map<String, Object> volume = (Map<String, Object>) browser.script("""
                    const chart = Chart.getChart(document.getElementById('chart-volume'));
                    return {labels: chart.data.labels, sets: chart.data.datasets.map(d => ({label: d.label, data: d.data})),
                            drawn: chart.canvas.width > 0 && chart.getDatasetMeta(0).data.length};
                    """);
            assertThat((List<Object>) volume.get("labels")).containsExactly(D1.toString(), D.toString());
            List<Map<String, Object>> sets = (List<Map<String, Object>>) volume.get("sets");
            assertThat(sets).extracting(m -> m.get("label")).containsExactly("Termine", "Beratungen", "Nicht erschienen");
            assertThat(sets).extracting(m -> ((List<Number>) m.get("data")).stream().map(Number::intValue).toList())
                    .containsExactly(List.of(5, 15), List.of(5, 10), List.of(0, 5));
            assertThat(((Number) volume.get("drawn")).intValue()).isEqualTo(2);

            List<Object> quality = (List<Object>) browser.script(
                    "return Chart.getChart(document.getElementById('chart-quality')).data.datasets.map(d => d.data);");
            assertThat(quality.get(0)).asList().extracting(n -> ((Number) n).doubleValue()).containsExactly(100.0, 66.7);
            assertThat(quality.get(2)).asList().extracting(n -> ((Number) n).doubleValue()).containsExactly(0.0, 50.0);
        }
    }

    @Test
    void onlyAnalystsSeeTheStatistics() throws Exception {
        try (Browser browser = Browser.start("de")) {
            browser.open(Stack.BASE_URL + "/analyst/");
            browser.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
            browser.waitFor(By.id("staff-name"));
            browser.open(dashboard("&site=" + SITE));
            assertThat(browser.waitFor(By.id("error-title")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElements(By.id("statistics-table"))).isEmpty();
            Object status = browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(arguments[0], {redirect: 'manual'}).then(r => done(r.status), e => done(-1));
                    """, Stack.BASE_URL + "/analyst/statistics.csv?site=" + SITE);
            assertThat(((Number) status).intValue()).isEqualTo(403);
        }
        HttpResponse<String> anonymous = Stack.HTTP.send(HttpRequest.newBuilder(
                URI.create(Stack.BASE_URL + "/analyst/statistics.csv")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith(Stack.REALM_URL));
        assertThat(anonymous.body()).doesNotContain("Termine");
    }

    @Test
    void aMalformedFilterIsExplainedOnThePageNotAnError() {
        try (Browser browser = analyst("de")) {
            browser.open(Stack.BASE_URL + "/analyst/index.xhtml?from=gestern&to=" + D + "&granularity=YEAR&site=" + SITE);
            assertThat(browser.waitFor(By.id("messages")).getText())
                    .contains("Das Anfangsdatum ist ungültig", "Eine Auswahl war ungültig");
            assertThat(browser.driver().findElements(By.id("statistics-table"))).isNotEmpty();
            assertThat(browser.driver().findElements(By.id("error-title"))).isEmpty();
        }
    }

    @Test
    void noReportCellCarriesAFreeTextComment() {
        try (Browser browser = analyst("de")) {
            for (String breakdown : List.of("PERIOD", "LEGAL_AREA", "SITE")) {
                browser.open(dashboard("&breakdown=" + breakdown + "&site=" + SITE));
                assertThat(browser.driver().getPageSource()).doesNotContain("a private remark", "IT Citizen", "it.advisor");
            }
        }
    }

    @Test
    void dashboardPassesAxeInGermanAndEnglish() {
        for (String language : List.of("de", "en")) {
            try (Browser browser = analyst(language)) {
                browser.open(dashboard("&granularity=DAY&breakdown=PERIOD&site=" + SITE));
                browser.waitFor(By.id("statistics-table"));
                assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
                assertThat(browser.accessibilityViolations()).as("axe on the dashboard (" + language + ")").isEmpty();
            }
        }
    }
}
