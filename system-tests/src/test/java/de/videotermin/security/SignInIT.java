package de.videotermin.security;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.Browser;
import de.videotermin.system.Stack;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Staff sign-in through the real Keycloak login page, in a real browser. */
class SignInIT {

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void advisorSignsInThroughKeycloakAndSeesTheirName() {
        browser.open(Stack.BASE_URL + "/advisor/");
        assertThat(browser.driver().getCurrentUrl()).startsWith(Stack.REALM_URL + "/protocol/openid-connect/auth");

        browser.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);

        assertThat(browser.waitFor(By.id("welcome")).getText()).contains("Anna Berger");
        assertThat(browser.driver().findElement(By.id("staff-name")).getText()).isEqualTo("Anna Berger");
        assertThat(browser.driver().getCurrentUrl()).startsWith(Stack.BASE_URL + "/advisor/");
    }

    @Test
    void wrongPasswordIsRefusedAndNothingOpens() {
        browser.open(Stack.BASE_URL + "/advisor/");
        browser.signInAtKeycloak("thomas.krueger", "not-the-password");

        // Keycloak stays on its own page and says why; the advisor page was never shown.
        browser.waitFor(By.id("input-error-username"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(Stack.KEYCLOAK_URL);
        assertThat(browser.driver().findElements(By.id("welcome"))).isEmpty();
    }

    @Test
    void analystIsNotLetIntoTheAdvisorPages() {
        browser.open(Stack.BASE_URL + "/advisor/");
        browser.signInAtKeycloak("lena.vogel", Stack.DEMO_PASSWORD);
        // Signed in, but sent to the start page, and the advisor pages stay closed.
        browser.waitFor(By.id("staff-name"));
        browser.open(Stack.BASE_URL + "/advisor/");

        assertThat(browser.waitFor(By.id("error-title")).isDisplayed()).isTrue();
        assertThat(browser.driver().findElements(By.id("welcome"))).isEmpty();
    }

    @Test
    void signOutEndsTheSessionHereAndAtKeycloak() {
        browser.open(Stack.BASE_URL + "/advisor/");
        browser.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
        browser.waitFor(By.id("welcome"));

        browser.driver().findElement(By.id("sign-out")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(ExpectedConditions.urlToBe(Stack.BASE_URL + "/"));

        browser.open(Stack.BASE_URL + "/advisor/");
        // Signed out at Keycloak too: the login form is asked for again.
        assertThat(browser.waitFor(By.id("username")).isDisplayed()).isTrue();
        assertThat(browser.driver().getCurrentUrl()).startsWith(Stack.KEYCLOAK_URL);
    }

    @Test
    void signingInGetsANewSessionIdAndSignOutNeedsTheFormsToken() {
        browser.open(Stack.BASE_URL + "/advisor/");
        browser.waitFor(By.id("username"));
        browser.open(Stack.BASE_URL + "/");
        String before = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        browser.open(Stack.BASE_URL + "/advisor/");
        browser.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
        browser.waitFor(By.id("welcome"));
        String after = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        assertThat(after).as("session fixation: a new id after signing in").isNotEqualTo(before);

        // A sign-out form posted from elsewhere carries no token: refused, and still signed in.
        Object status = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/logout', {method: 'POST', credentials: 'same-origin',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'csrf=forged', redirect: 'manual'})
                  .then(r => done(r.status)).catch(e => done(String(e)));
                """);
        assertThat(status).isEqualTo(403L);
        browser.open(Stack.BASE_URL + "/advisor/");
        assertThat(browser.waitFor(By.id("welcome")).getText()).contains("Anna Berger");
    }

    @Test
    void startAndAdvisorPagesPassAxe() {
        browser.open(Stack.BASE_URL + "/");
        assertThat(browser.accessibilityViolations()).as("axe on the start page").isEmpty();
        browser.open(Stack.BASE_URL + "/advisor/");
        browser.signInAtKeycloak("anna.berger", Stack.DEMO_PASSWORD);
        browser.waitFor(By.id("welcome"));
        assertThat(browser.accessibilityViolations()).as("axe on the advisor start page").isEmpty();
    }
}
