package de.videotermin.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Rows by site come 50 to a page; the total and the CSV cover every site. 60 sites on one far-future day. */
class SitePagingIT {

    static final LocalDate DAY = LocalDate.of(ThreadLocalRandom.current().nextInt(2801, 3200), 6, 2);
    static final String PREFIX = "PG-" + UUID.randomUUID().toString().substring(0, 6) + "-";

    @BeforeAll
    static void seed() throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("insert into site (code, name) select '" + PREFIX + "' || lpad(n::text, 2, '0'), 'Paging site'"
                    + " from generate_series(1, 60) n on conflict (code) do nothing");
            s.execute("insert into appointment (id, room_id, link_token_hash, advisor_username, advisor_name, citizen_name,"
                    + " legal_area, starts_at, duration_minutes, status, created_at, site_code)"
                    + " select id, replace(id::text, '-', ''), md5(id::text) || md5(id::text), 'pg.advisor.' || id, 'PG', 'PG',"
                    + " 'FAMILY_BENEFITS', (date '" + DAY + "' + time '10:00') at time zone 'Europe/Berlin', 30, 'PLANNED', now(),"
                    + " '" + PREFIX + "' || lpad(n::text, 2, '0') from (select gen_random_uuid() as id, n from generate_series(1, 60) n) g");
            s.execute("select cast(statistics_refresh(date '" + DAY + "', date '" + DAY + "') as text)");
        }
    }

    @AfterAll
    static void cleanUp() throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD);
             Statement s = c.createStatement()) {
            s.execute("delete from appointment where site_code like '" + PREFIX + "%'");
            s.execute("select cast(statistics_refresh(date '" + DAY + "', date '" + DAY + "') as text)");
        }
    }

    @Test
    void sixtySitesAreTwoPagesWithTheTotalOfAllAndTheCsvHasEverySite() {
        try (Browser browser = Browser.start("de")) {
            browser.open(Stack.BASE_URL + "/analyst/");
            browser.signInAtKeycloak("lena.vogel", Stack.DEMO_PASSWORD);
            browser.waitFor(By.id("staff-name"));
            browser.open(Stack.BASE_URL + "/analyst/index.xhtml?from=" + DAY + "&to=" + DAY + "&breakdown=SITE");
            List<List<String>> first = StatisticsIT.tableRows(browser);
            assertThat(first).hasSize(51);
            assertThat(first.get(0).get(0)).isEqualTo(PREFIX + "01");
            assertThat(first.get(50)).startsWith("Summe", "60");
            assertThat(browser.waitFor(By.id("page-status")).getText()).contains("1 bis 50 von 60");
            assertThat(browser.driver().findElements(By.id("page-previous"))).isEmpty();
            assertThat(browser.accessibilityViolations()).as("axe on a paged view").isEmpty();

            browser.driver().findElement(By.id("page-next")).click();
            browser.waitFor(By.id("page-previous"));
            List<List<String>> second = StatisticsIT.tableRows(browser);
            assertThat(second).hasSize(11);
            assertThat(second.get(0).get(0)).isEqualTo(PREFIX + "51");
            assertThat(second.get(10)).startsWith("Summe", "60");
            assertThat(browser.driver().findElements(By.id("page-next"))).isEmpty();

            String csv = (String) browser.asyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(document.getElementById('csv-export').href).then(r => r.text()).then(done, e => done('ERROR ' + e));
                    """);
            assertThat(Arrays.stream(csv.split("\r?\n")).filter(line -> line.startsWith(PREFIX))).hasSize(60);
        }
    }
}
