package de.videotermin.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium with a fake camera and microphone: one per participant (two tabs
 * of one browser degrade one video direction, see shared/STACK-NOTES.md). Selenium is pointed at
 * /usr/bin/chromedriver so that it never tries to download a driver.
 */
public final class Browser implements AutoCloseable {

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start(String language) {
        try {
            Path profile = Files.createTempDirectory("videotermin-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                    "--autoplay-policy=no-user-gesture-required", "--window-size=1280,1000",
                    "--lang=" + language, "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Browser start() {
        return start("de");
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement waitFor(By locator, Duration timeout) {
        // A page that is being replaced (a form just posted) can hand out an element of the old document:
        // Chromium then says "stale" or "does not belong to the document"; look again until the new page is there.
        try {
            return new WebDriverWait(driver, timeout)
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(ExpectedConditions.visibilityOfElementLocated(locator));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Say which page the browser was on instead: a timeout alone does not tell what went wrong.
            throw new AssertionError("waited " + timeout.toSeconds() + " s for " + locator + " on " + describePage(), e);
        }
    }

    /** The current address, title and the start of the visible text: for failure messages. */
    public String describePage() {
        try {
            String text = String.valueOf(script("return document.body ? document.body.innerText : ''")).replaceAll("\\s+", " ");
            return driver.getCurrentUrl() + " (title '" + driver.getTitle() + "'): " + text.substring(0, Math.min(400, text.length()));
        } catch (RuntimeException unavailable) {
            return "a page that could not be read (" + unavailable.getClass().getSimpleName() + ")";
        }
    }

    public WebElement waitFor(By locator) {
        return waitFor(locator, Duration.ofSeconds(20));
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public Object asyncScript(String script, Object... args) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /**
     * Signs in on the real Keycloak login page (the browser must be on it) and returns once the sign-in is over:
     * back on our site past the callback, or still on Keycloak with its error. (Opening another page while the
     * callback still ran aborted it.)
     */
    public void signInAtKeycloak(String username, String password) {
        waitFor(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).withMessage(() -> "the sign-in of " + username
                + " did not end on our site or with Keycloak's error; the browser shows " + driver.getCurrentUrl()
                + " '" + driver.getTitle() + "'").until(d -> {
            String url = d.getCurrentUrl();
            boolean backOnOurSite = url.startsWith(Stack.BASE_URL) && !url.contains("/callback")
                    && "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState"));
            return backOnOurSite || (url.startsWith(Stack.KEYCLOAK_URL) && !d.findElements(By.id("input-error-username")).isEmpty());
        });
    }

    /** axe-core (WCAG 2.1 A/AA rules) inside the current page; returns the violations, empty if none. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> accessibilityViolations() {
        script(Axe.source());
        Object result = asyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))))
                   .catch(e => done([{id: 'axe-error', help: String(e)}]));
                """);
        return (List<Map<String, Object>>) result;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // a temp profile left behind is harmless
            }
        }
    }
}
