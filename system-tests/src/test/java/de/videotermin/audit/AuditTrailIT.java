package de.videotermin.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Staff actions land in an append-only trail that the admin can read and nobody can rewrite. */
class AuditTrailIT {

    @Test
    void openingARoomAndViewingConsentEvidenceAreAuditedForTheAdmin() {
        String name = "Audit " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser advisor = Browser.start("en")) {
            AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
            AdvisorDesk.openRoom(advisor, name, "");
            advisor.waitFor(By.id("consent-summary"));
        }
        try (Browser admin = Browser.start("en")) {
            admin.open(Stack.BASE_URL + "/admin/audit.xhtml");
            admin.signInAtKeycloak("thomas.krueger", Stack.DEMO_PASSWORD);
            admin.open(Stack.BASE_URL + "/admin/audit.xhtml");
            String trail = admin.waitFor(By.id("audit")).getText();
            assertThat(trail).contains("anna.berger").contains("room.opened").contains("consent.evidence.viewed");
            assertThat(admin.accessibilityViolations()).as("axe, audit trail").isEmpty();
        }
    }

    @Test
    void anAdvisorWhoIsNotAdminCannotReadTheTrail() {
        try (Browser advisor = Browser.start("en")) {
            advisor.open(Stack.BASE_URL + "/admin/audit.xhtml");
            advisor.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
            advisor.open(Stack.BASE_URL + "/admin/audit.xhtml");
            assertThat(advisor.waitFor(By.id("error-title")).isDisplayed()).isTrue();
            assertThat(advisor.driver().findElements(By.id("audit"))).isEmpty();
        }
    }

    @Test
    void theDatabaseRefusesToRewriteOrDeleteAuditEvents() throws Exception {
        try (Connection c = DriverManager.getConnection(Stack.DB_URL, "videotermin", Stack.DB_PASSWORD)) {
            c.createStatement().executeUpdate("insert into audit_event (id, at, actor, action) values ('"
                    + UUID.randomUUID() + "', now(), 'it', 'test.appended')");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("update audit_event set actor = 'someone else'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot be changed");
            assertThatThrownBy(() -> c.createStatement().executeUpdate("delete from audit_event"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("cannot be deleted");
        }
    }
}
