package de.videotermin.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import de.videotermin.system.AdvisorDesk;
import de.videotermin.system.Browser;
import de.videotermin.system.Calls;
import de.videotermin.system.Stack;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The hardened web surface: headers on every response; citizen pages talk to our origin only. */
class WebSurfaceIT {

    @Test
    void everyPageCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/t/" + "z".repeat(43), "/citizen/devices.xhtml?t=" + "z".repeat(43), "/error.xhtml")) {
            HttpResponse<String> response = Stack.get(Stack.BASE_URL + path, null);
            String csp = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).as(path).contains("default-src 'self'").contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-store");
        }
        assertThat(Stack.get(Stack.BASE_URL + "/", null).headers().firstValue("Permissions-Policy").orElse(""))
                .contains("camera=()").contains("microphone=()");
        assertThat(Stack.get(Stack.BASE_URL + "/citizen/devices.xhtml?t=" + "z".repeat(43), null).headers()
                .firstValue("Permissions-Policy").orElse("")).contains("camera=(self)").contains("microphone=(self)");
        HttpResponse<String> api = Stack.get(Stack.BASE_URL + "/api/v1/me", null);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    /**
     * Every cookie we set (the session cookie, also when the language switch or the sign-in redirect
     * creates it) is HttpOnly and SameSite=Lax — Lax, because Keycloak returns to /callback with a
     * top-level GET that must carry the session. Secure follows the request (set over TLS, checked by
     * hand with curl on the https listener; see docs/tls.md).
     */
    @Test
    void everyCookieWeSetIsHttpOnlyAndSameSiteLax() throws Exception {
        int cookies = 0;
        for (String path : List.of("/?lang=en", "/advisor/", "/analyst/", "/t/" + "z".repeat(43) + "?lang=de",
                "/citizen/devices.xhtml?t=" + "z".repeat(43) + "&lang=en")) {
            HttpResponse<String> response = Stack.get(Stack.BASE_URL + path, null);
            for (String cookie : response.headers().allValues("Set-Cookie")) {
                cookies++;
                assertThat(cookie).as(path).containsIgnoringCase("; HttpOnly").containsIgnoringCase("SameSite=Lax");
            }
        }
        assertThat(cookies).as("the pages above start sessions").isGreaterThan(0);
    }

    @Test
    void citizenPagesRequestNothingFromAnotherOrigin() throws Exception {
        try (Browser advisor = Browser.start("de"); Browser citizen = Browser.start("de")) {
            String name = "Origin " + UUID.randomUUID().toString().substring(0, 8);
            String link = AdvisorDesk.book(advisor, name, Duration.ofMinutes(5));
            citizen.open(link);
            assertOwnOriginOnly(citizen, "link page");
            citizen.waitFor(By.id("consent:give-consent")).click();
            citizen.waitFor(By.id("device-test"));
            Calls.awaitScript(citizen, "return window.videoterminDeviceTest && window.videoterminDeviceTest.state === 'done'", 40);
            assertOwnOriginOnly(citizen, "device test");
            citizen.driver().findElement(By.id("dt-continue")).click();
            Calls.awaitScript(citizen, "return window.videotermin && window.videotermin.state === 'waiting'", 30);
            assertOwnOriginOnly(citizen, "room");
            String ws = (String) citizen.script("return document.getElementById('room').dataset.wsUrl");
            assertThat(URI.create(ws).getAuthority()).isEqualTo(URI.create(Stack.BASE_URL).getAuthority());
        }
    }

    @SuppressWarnings("unchecked")
    private static void assertOwnOriginOnly(Browser browser, String page) {
        String origin = URI.create(Stack.BASE_URL).getScheme() + "://" + URI.create(Stack.BASE_URL).getAuthority();
        List<String> urls = (List<String>) browser.script(
                "return [location.href].concat(performance.getEntries().map(e => e.name).filter(n => /^(https?|wss?):/.test(n)))");
        assertThat(urls).as("every request of the " + page).isNotEmpty()
                .allSatisfy(url -> assertThat(url).startsWith(origin));
    }
}
