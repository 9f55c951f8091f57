package dev.latchkey.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in headless Chromium against the whole app (embedded PostgreSQL): sign-up with the
 * show-once first key, sign out, sign in, the keys table; and the error paths of both forms.
 * Screenshots of every page visited go to {@code app/target/screenshots/}.
 */
@SpringBootTest(classes = LatchkeyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"latchkey.embedded-postgres.data-dir=target/test-pg/${random.uuid}",
                "latchkey.data-dir=target/test-data/${random.uuid}"})
class DashboardBrowserTest {

    private static final String KEY_PATTERN = "^sk_test_[0-9A-Za-z]{32}$";
    private static final String PASSWORD = "correct horse battery";
    private static final Duration WAIT = Duration.ofSeconds(20);

    /** Selenium warns that it has no CDP bindings for this Chromium; this test does not use CDP. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private static ChromeDriverService service;
    private static Path profile;
    private static WebDriver browser;

    @Value("${local.server.port}")
    int port;

    private WebDriverWait wait;
    private Screenshots screenshots;

    @BeforeAll
    static void startBrowser() throws IOException {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createTempDirectory("latchkey-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--window-size=1366,900", "--user-data-dir=" + profile.toAbsolutePath());
        // an explicit driver: Selenium Manager never looks for one on the network
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profile);
        }
    }

    @BeforeEach
    void signedOutBrowser(TestInfo test) {
        wait = new WebDriverWait(browser, WAIT);
        screenshots = new Screenshots(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void registerSeeTheKeyOnceSignOutSignInAndFindItListed() {
        String email = uniqueEmail("ada");

        open("/register", "register");
        fillRegistration(email, PASSWORD, "Analytical Engines");
        submit(By.id("create-account"));

        WebElement keyElement = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("first-key")));
        screenshots.take(browser, "first-key");
        String key = keyElement.getText().strip();
        assertThat(key).matches(KEY_PATTERN);
        assertThat(browser.getTitle()).contains("Your first API key");
        assertThat(browser.findElement(By.tagName("body")).getText()).containsIgnoringCase("you will not see this again");
        assertThat(browser.findElement(By.id("signed-in-email")).getText()).isEqualTo(email);
        assertThat(browser.findElements(By.cssSelector("a[href='/settings/api-keys']"))).isNotEmpty();
        assertThat(occurrences(browser.getPageSource(), key)).as("the key is shown exactly once").isEqualTo(1);

        WebElement copy = browser.findElement(By.id("copy-key"));
        assertThat(copy.isDisplayed()).isTrue();
        assertThat(copy.getDomAttribute("data-copy-target")).isEqualTo("first-key");
        copy.click(); // copy.js (no inline script) answers by relabelling the button
        wait.until(driver -> !driver.findElement(By.id("copy-key")).getText().equals("Copy"));
        screenshots.take(browser, "first-key-copied");

        submit(By.id("sign-out"));
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-message")));
        screenshots.take(browser, "signed-out");

        open("/settings/api-keys", "keys-redirect-to-login");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/login");

        signIn(email, PASSWORD);
        WebElement table = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-keys")));
        wait.until(ExpectedConditions.urlContains("/settings/api-keys"));
        screenshots.take(browser, "api-keys");

        String prefix = key.substring(0, 12);
        String last4 = key.substring(key.length() - 4);
        List<WebElement> rows = table.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(1);
        WebElement row = rows.getFirst();
        assertThat(row.findElement(By.cssSelector(".key-masked")).getText()).isEqualTo(prefix + "…" + last4);
        assertThat(row.findElement(By.cssSelector(".key-type")).getText()).isEqualTo("sk");
        assertThat(row.findElement(By.cssSelector(".key-environment")).getText()).isEqualTo("test");
        assertThat(row.findElement(By.cssSelector(".key-last-used")).getText()).isEqualTo("never");
        assertThat(row.findElement(By.cssSelector(".key-status")).getText()).isEqualTo("active");
        assertThat(browser.getPageSource()).doesNotContain(key).doesNotContain(key.substring(12, 36));

        browser.findElement(By.id("environment-live")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty-state")));
        screenshots.take(browser, "api-keys-live-empty");
        assertThat(browser.getPageSource()).doesNotContain(prefix);

        open("/", "root-goes-to-keys");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/settings/api-keys");
    }

    @Test
    void aWrongPasswordGetsTheGenericError() {
        String email = uniqueEmail("grace");
        registerAndSignOut(email, "Navy");

        signIn(email, "not the password");
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        screenshots.take(browser, "login-wrong-password");
        String message = error.getText();
        assertThat(message).contains("Email or password is wrong");
        assertThat(browser.getPageSource()).doesNotContain("not the password");
        assertThat(browser.findElement(By.id("email")).getDomProperty("value")).as("the email is kept").isEqualTo(email);
        assertThat(browser.findElement(By.id("password")).getDomProperty("value")).isEmpty();

        signIn(uniqueEmail("nobody"), PASSWORD);
        WebElement unknown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        screenshots.take(browser, "login-unknown-email");
        assertThat(unknown.getText()).as("an unknown email gets the same message").isEqualTo(message);
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();
    }

    @Test
    void anInvalidEmailIsReportedNextToItsFieldAndTheOtherValuesAreKept() {
        open("/register", "register");
        fillRegistration("not-an-email", PASSWORD, "Kept Workspace");
        submit(By.id("create-account"));

        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        screenshots.take(browser, "register-invalid-email");
        assertThat(error.getText()).containsIgnoringCase("email");
        assertThat(browser.findElement(By.id("workspaceName")).getDomProperty("value")).isEqualTo("Kept Workspace");
        assertThat(browser.findElement(By.id("email")).getDomProperty("value")).isEqualTo("not-an-email");
        assertThat(browser.findElement(By.id("password")).getDomProperty("value")).isEmpty();
        assertThat(browser.findElements(By.id("workspaceName-error"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(PASSWORD);
        assertThat(browser.findElements(By.id("first-key"))).isEmpty();
    }

    @Test
    void aSecondAccountWithTheSameEmailIsExplainedOnTheForm() {
        String email = uniqueEmail("dup");
        registerAndSignOut(email, "First");

        open("/register", "register-again");
        fillRegistration(email.toUpperCase(java.util.Locale.ROOT), PASSWORD, "Second");
        submit(By.id("create-account"));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        screenshots.take(browser, "register-duplicate-email");
        assertThat(error.getText()).contains("already exists");
        assertThat(browser.findElement(By.id("workspaceName")).getDomProperty("value")).isEqualTo("Second");
        assertThat(browser.findElements(By.id("first-key"))).isEmpty();
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();
    }

    @Test
    void healthStaysPublic() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("/health"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    /** Boot logs a generated default password only when it creates its in-memory user store. */
    @Test
    void noDefaultUserWithAGeneratedPassword(@Autowired ApplicationContext context) {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    private void open(String path, String screenshot) {
        browser.get(url(path));
        wait.until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
        screenshots.take(browser, screenshot);
    }

    /** Creates an account (its first key page shown) and signs out again. */
    private void registerAndSignOut(String email, String workspaceName) {
        open("/register", "register");
        fillRegistration(email, PASSWORD, workspaceName);
        submit(By.id("create-account"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("first-key")));
        screenshots.take(browser, "first-key");
        submit(By.id("sign-out"));
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        screenshots.take(browser, "signed-out");
    }

    private void fillRegistration(String email, String password, String workspaceName) {
        type(By.id("email"), email);
        type(By.id("password"), password);
        type(By.id("workspaceName"), workspaceName);
    }

    private void signIn(String email, String password) {
        if (URI.create(browser.getCurrentUrl()).getPath().equals("/login")) {
            screenshots.take(browser, "login");
        } else {
            open("/login", "login");
        }
        type(By.id("email"), email);
        type(By.id("password"), password);
        submit(By.id("sign-in"));
    }

    private void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Clicks a submit button and waits for the next page to replace this one. The old page is marked
     * with a script variable rather than watched through an element reference: Chromium may answer a
     * reference into a page being replaced with an inspector error instead of "stale element".
     */
    private void submit(By button) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(button));
        ((JavascriptExecutor) browser).executeScript("window.latchkeyOldPage = true;");
        element.click();
        new WebDriverWait(browser, WAIT).ignoring(WebDriverException.class).until(driver -> Boolean.TRUE.equals(
                ((JavascriptExecutor) driver).executeScript(
                        "return window.latchkeyOldPage === undefined && document.readyState === 'complete';")));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String uniqueEmail(String name) {
        return name + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (directory == null || !Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
