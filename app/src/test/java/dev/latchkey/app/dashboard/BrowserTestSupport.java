package dev.latchkey.app.dashboard;

import dev.latchkey.app.LatchkeyApplication;
import dev.latchkey.app.Screenshots;
import dev.latchkey.app.contract.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;

/**
 * The dashboard in headless Chromium (Debian's, with its driver) against the whole app on a random port and an
 * embedded PostgreSQL. Every browser test class extends this one with the same configuration, so they share one
 * running app. Helpers drive pages as a user would (type, click, wait for the next page) and save a screenshot of
 * each page visited under {@code app/target/screenshots/}. {@link #api} is a plain HTTP client of /v1.
 */
@SpringBootTest(classes = LatchkeyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"latchkey.embedded-postgres.data-dir=target/test-pg/${random.uuid}",
                "latchkey.data-dir=target/test-data/${random.uuid}",
                "latchkey.operators=" + BrowserTestSupport.OPERATOR,
                "latchkey.usage.flush-interval=1s"})
public abstract class BrowserTestSupport {

    protected static final String PASSWORD = "correct horse battery";
    protected static final String OPERATOR = "browser-operator@example.com";
    protected static final Duration WAIT = Duration.ofSeconds(20);
    protected static final Dimension DESKTOP = new Dimension(1366, 900);
    /** An iPhone-sized window. */
    protected static final Dimension PHONE = new Dimension(390, 844);

    /** Selenium warns that it has no CDP bindings for this Chromium; these tests do not use CDP. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

    private static ChromeDriverService service;
    private static Path profile;
    protected static WebDriver browser;
    private static String operatorToken;

    @Value("${local.server.port}")
    protected int port;

    protected WebDriverWait wait;
    protected Screenshots screenshots;
    protected ApiClient api;

    @BeforeAll
    static void startBrowser() throws IOException {
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createTempDirectory("latchkey-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run", "--force-prefers-reduced-motion", "--window-size=1366,900", "--user-data-dir=" + profile.toAbsolutePath());
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
            browser = null;
            operatorToken = null;
            if (service != null) {
                service.stop();
            }
            deleteRecursively(profile);
        }
    }

    @BeforeEach
    void signedOutBrowser(TestInfo test) {
        wait = new WebDriverWait(browser, WAIT);
        api = new ApiClient(port);
        screenshots = new Screenshots(getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName());
        browser.manage().window().setSize(DESKTOP);
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    /** Opens a page, waits for it to load and takes its screenshot. */
    protected void open(String path, String screenshot) {
        browser.get(url(path));
        wait.until(driver -> "complete".equals(
                ((JavascriptExecutor) driver).executeScript("return document.readyState")));
        screenshots.take(browser, screenshot);
    }

    protected void screenshot(String name) {
        screenshots.take(browser, name);
    }

    /** Creates an account through the sign-up page and stays signed in; returns the first key shown once. */
    protected String register(String email, String workspaceName) {
        open("/register", "register");
        type(By.id("email"), email);
        type(By.id("password"), PASSWORD);
        type(By.id("workspaceName"), workspaceName);
        submit(By.id("create-account"));
        String key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("first-key"))).getText().strip();
        screenshots.take(browser, "first-key");
        return key;
    }

    protected void signOut() {
        WebElement signOut = browser.findElement(By.id("sign-out"));
        if (!signOut.isDisplayed()) { // in the account menu (or the collapsed navigation on a phone)
            ((JavascriptExecutor) browser).executeScript("arguments[0].form.requestSubmit();", signOut);
            waitForNextPage();
        } else {
            submit(By.id("sign-out"));
        }
        wait.until(ExpectedConditions.urlContains("/login?logout"));
        screenshots.take(browser, "signed-out");
    }

    /** Signs in on a freshly loaded form (a form loaded before the cookies were cleared holds a stale CSRF token). */
    protected void signIn(String email, String password) {
        open("/login", "login");
        type(By.id("email"), email);
        type(By.id("password"), password);
        submit(By.id("sign-in"));
    }

    protected void type(By field, String text) {
        WebElement input = wait.until(ExpectedConditions.elementToBeClickable(field));
        scrollIntoView(input);
        input.clear();
        input.sendKeys(text);
    }

    /**
     * Clicks a submit button (or link) and waits for the next page to replace this one. The old page is marked with a
     * script variable rather than watched through an element reference: Chromium may answer a reference into a page
     * being replaced with an inspector error instead of "stale element".
     */
    protected void submit(By button) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(button));
        scrollIntoView(element);
        ((JavascriptExecutor) browser).executeScript("window.latchkeyOldPage = true;");
        element.click();
        waitForNextPage();
    }

    /** Clicks a control that does not leave the page (a radio button, a checkbox, a menu). */
    protected void click(By control) {
        WebElement element = wait.until(ExpectedConditions.elementToBeClickable(control));
        scrollIntoView(element);
        element.click();
    }

    /** Brings a control to the middle of the window at once, so that a click lands on it and not on what passes by. */
    protected void scrollIntoView(WebElement element) {
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
    }

    /** The answer to {@link #postFromPage}. */
    protected record Posted(int status, String cacheControl, String body) {
    }

    /**
     * A form post sent by a script on the current page: this session's cookie and CSRF token (read from a form of the
     * page), as a hand-made form would send it. Redirects are not followed.
     */
    protected Posted postFromPage(String path, Map<String, String> fields) {
        Map<?, ?> answer = (Map<?, ?>) ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const body = new URLSearchParams(arguments[1]);
                body.set('_csrf', document.querySelector('form input[name="_csrf"]').value);
                fetch(arguments[0], {method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual'})
                    .then(r => r.text().then(text => done({status: r.status, cacheControl: r.headers.get('Cache-Control'), body: text})))
                    .catch(e => done({status: -1, cacheControl: null, body: String(e)}));
                """, path, fields);
        return new Posted(((Number) answer.get("status")).intValue(), (String) answer.get("cacheControl"),
                (String) answer.get("body"));
    }

    /** Submits the form of an element that need not be visible (a control in a closed menu). */
    protected void submitHidden(By control) {
        WebElement element = browser.findElement(control);
        ((JavascriptExecutor) browser).executeScript("window.latchkeyOldPage = true; arguments[0].click();", element);
        waitForNextPage();
    }

    private void waitForNextPage() {
        new WebDriverWait(browser, WAIT).ignoring(WebDriverException.class).until(driver -> Boolean.TRUE.equals(
                ((JavascriptExecutor) driver).executeScript(
                        "return window.latchkeyOldPage === undefined && document.readyState === 'complete';")));
    }

    /** What the error page on screen says of its status, as a screen reader reads it ("Error 404"). */
    protected String errorStatus() {
        return browser.findElement(By.id("error-status")).getDomProperty("textContent").strip().replaceAll("\\s+", " ");
    }

    /** The header's workspace switcher. */
    protected void switchWorkspace(String workspaceId) {
        submitHidden(By.cssSelector("button.switch-workspace[data-workspace-id='" + workspaceId + "']"));
    }

    /** The Live/Test toggle in the header. */
    protected void switchEnvironment(String environment) {
        submitHidden(By.id("environment-" + environment));
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A user token of /v1 for {@code email} (signed in through the API, not the browser). */
    protected String token(String email) {
        return ok(api.post("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}"), 200)
                .get("access_token").asString();
    }

    /** The id of the first workspace of {@code email}. */
    protected String workspaceIdOf(String email) {
        return ok(api.get("/v1/workspace", "Authorization", bearer(token(email))), 200).get("id").asString();
    }

    /**
     * {@code member} signs up through /v1 (with a workspace of their own) and joins {@code owner}'s first workspace as
     * {@code role}: invited by the owner, accepted by the member. Answers the id of the workspace joined.
     */
    protected String joinThroughTheApi(String owner, String member, String role) {
        String memberToken = ok(api.post("/v1/auth/register", "{\"email\":\"" + member + "\",\"password\":\""
                + PASSWORD + "\",\"workspaceName\":\"Their own\"}"), 201).get("access_token").asString();
        String invitation = ok(api.post("/v1/members/invitations", "{\"email\":\"" + member + "\",\"role\":\"" + role
                + "\"}", "Authorization", bearer(token(owner))), 201).get("token").asString();
        return ok(api.post("/v1/invitations/" + invitation + "/accept", null, "Authorization", bearer(memberToken)), 200)
                .get("id").asString();
    }

    /** Puts {@code email}'s first workspace on {@code plan} (FREE, PRO, SCALE, ENTERPRISE) as the deployment's operator. */
    protected void changePlan(String email, String plan) {
        String workspaceId = workspaceIdOf(email);
        JsonNode changed = ok(api.send("PUT", "/v1/workspace/plan",
                "{\"plan\":\"" + plan + "\",\"workspaceId\":\"" + workspaceId + "\"}",
                "Authorization", bearer(operatorToken())), 200);
        if (!plan.equals(changed.get("plan").asString())) {
            throw new IllegalStateException("the plan did not change: " + changed);
        }
    }

    private String operatorToken() {
        if (operatorToken == null) {
            var registered = api.post("/v1/auth/register", "{\"email\":\"" + OPERATOR + "\",\"password\":\"" + PASSWORD
                    + "\",\"workspaceName\":\"Operations\"}");
            operatorToken = registered.statusCode() == 201 ? ApiClient.json(registered).get("access_token").asString()
                    : token(OPERATOR);
        }
        return operatorToken;
    }

    protected static String uniqueEmail(String name) {
        return name + "+" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    protected static int occurrences(String text, String part) {
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
