package dev.latchkey.app.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings pages: the plan with its gated features and the kill switch, the audit log with its filters and pages,
 * the account's password change, and the error pages, as an owner and as a member would use them.
 */
class SettingsBrowserTest extends BrowserTestSupport {

    private static final String NEW_PASSWORD = "a much better passphrase";

    @Test
    void theFreePlanShowsItsGatesAndTheOwnerOfAScaleWorkspaceLocksAndUnlocksItsLiveKeys() {
        String email = uniqueEmail("plan");
        String testKey = register(email, "Kill Switch Inc");

        visit("/settings/plan", "plan-free");
        assertThat(text(By.id("plan-name"))).isEqualTo("FREE");
        assertThat(text(By.id("how-to-upgrade"))).contains("latchkey.operators").contains("PUT /v1/workspace/plan");
        assertThat(limit("keys")).containsExactly("10", "1 in test");
        assertThat(limit("members")).containsExactly("3", "1");
        assertThat(limit("default-rate").getFirst()).isEqualTo("60 requests/min");
        assertThat(limit("max-rate").getFirst()).isEqualTo("600 requests/min");
        assertThat(limit("audit-retention").getFirst()).isEqualTo("7 days");
        List<WebElement> features = browser.findElements(By.cssSelector("#plan-features .plan-feature"));
        assertThat(features).hasSize(6).allSatisfy(feature -> {
            assertThat(feature.getDomAttribute("data-included")).isEqualTo("false");
            assertThat(feature.findElement(By.className("feature-status")).getText()).contains("Not included");
        });
        assertThat(text(By.cssSelector("#feature-ip-allowlists .upgrade-message")))
                .isEqualTo("IP allowlists are not available on the free plan. Upgrade to Scale or Enterprise.");
        assertThat(text(By.cssSelector("#feature-request-signing .upgrade-message"))).isEqualTo(
                "Request signing is not available on the free plan. Upgrade to Pro, Scale or Enterprise.");
        WebElement lock = browser.findElement(By.id("lock-workspace"));
        assertThat(lock.isDisplayed()).isTrue();
        assertThat(lock.isEnabled()).as("visible but disabled").isFalse();
        assertThat(text(By.id("lock-upgrade")))
                .isEqualTo("The kill switch is not available on the free plan. Upgrade to Scale or Enterprise.");
        assertThat(text(By.id("lock-state"))).contains("Not locked");
        onPhone("/settings/plan", "plan-free-phone");

        changePlan(email, "SCALE");
        String liveKey = ok(api.post("/v1/keys", "{\"name\":\"Checkout\",\"type\":\"sk\",\"environment\":\"live\"}",
                "Authorization", bearer(token(email)), "Latchkey-Environment", "live"), 201).get("key").asString();
        assertThat(workspaceStatus(liveKey)).isEqualTo(200);

        visit("/settings/plan", "plan-scale");
        assertThat(text(By.id("plan-name"))).isEqualTo("SCALE");
        assertThat(limit("keys")).containsExactly("10,000", "1 in test");
        assertThat(limit("audit-retention").getFirst()).isEqualTo("365 days");
        assertThat(browser.findElements(By.cssSelector("#plan-features .plan-feature"))).hasSize(6).allSatisfy(feature -> {
            assertThat(feature.getDomAttribute("data-included")).isEqualTo("true");
            assertThat(feature.findElement(By.className("feature-status")).getText()).contains("Included");
            assertThat(feature.findElements(By.className("upgrade-message"))).isEmpty();
        });
        assertThat(browser.findElements(By.id("lock-upgrade"))).isEmpty();

        submit(By.id("lock-workspace"));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/settings/plan/lock");
        checkPage("lock-confirmation");
        assertThat(text(By.id("lock-warning"))).contains("Every live key stops working at once");
        submit(By.id("confirm-lock"));
        checkPage("plan-locked");
        assertThat(text(By.id("flash-success"))).contains("Workspace locked");
        assertThat(text(By.id("lock-state"))).startsWith("Locked since");
        assertThat(browser.findElement(By.cssSelector("#lock-state time")).getDomAttribute("datetime")).endsWith("Z");
        assertThat(browser.findElements(By.id("lock-workspace"))).isEmpty();
        wait.until(driver -> workspaceStatus(liveKey) == 403);
        problem(api.get("/v1/workspace", "Authorization", bearer(liveKey)), 403, "workspace_locked");
        assertThat(workspaceStatus(testKey)).as("test keys keep working").isEqualTo(200);

        submit(By.id("unlock-workspace"));
        checkPage("plan-unlocked");
        assertThat(text(By.id("flash-success"))).contains("Workspace unlocked");
        assertThat(text(By.id("lock-state"))).contains("Not locked");
        wait.until(driver -> workspaceStatus(liveKey) == 200);

        visit("/settings/audit-log", "audit-log-after-lock");
        List<String> actions = column("event-action");
        assertThat(actions).contains("workspace.locked", "workspace.unlocked", "workspace.plan_changed",
                "user.login_succeeded");
        assertThat(actions.indexOf("workspace.unlocked")).as("newest first").isLessThan(actions.indexOf("workspace.locked"));
        WebElement locked = eventRow("workspace.locked");
        assertThat(locked.findElement(By.className("event-actor-label")).getText()).isEqualTo(email);
        assertThat(locked.findElement(By.className("event-actor-type")).getText()).isEqualTo("user");
        assertThat(locked.findElement(By.className("event-target")).getText()).contains("workspace")
                .contains(workspaceIdOf(email));
        assertThat(locked.findElement(By.cssSelector(".event-time time")).getDomAttribute("datetime")).endsWith("Z");
    }

    @Test
    void theAuditLogFiltersKeepTheirValuesPageOlderAndReportAnInvalidDateNextToItsField() {
        String email = uniqueEmail("audit");
        register(email, "Audited");
        changePlan(email, "PRO");
        String jwt = token(email);
        List<String> keyIds = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            keyIds.add(ok(api.post("/v1/keys", "{\"name\":\"Batch " + i + "\",\"type\":\"sk\"}",
                    "Authorization", bearer(jwt)), 201).get("id").asString());
        }
        String liveKeyId = ok(api.post("/v1/keys", "{\"name\":\"Live one\",\"type\":\"sk\",\"environment\":\"live\"}",
                "Authorization", bearer(jwt)), 201).get("id").asString();

        visit("/settings/audit-log", "audit-log");
        List<WebElement> newest = rows();
        assertThat(newest).hasSize(20);
        assertThat(newest.getFirst().findElement(By.className("event-action")).getText()).isEqualTo("key.created");
        assertThat(newest.getFirst().findElement(By.className("event-target")).getText()).contains(liveKeyId);
        assertThat(newest.getFirst().findElement(By.className("event-environment")).getText()).isEqualTo("live");
        assertThat(browser.findElements(By.id("newest-events"))).isEmpty();
        Set<String> firstPage = eventIds();
        onPhone("/settings/audit-log", "audit-log-phone");

        submit(By.id("older-events"));
        checkPage("audit-log-older");
        Set<String> olderPage = eventIds();
        assertThat(olderPage).isNotEmpty().doesNotContainAnyElementsOf(firstPage);
        assertThat(column("event-action")).contains("workspace.created");
        assertThat(browser.findElement(By.id("newest-events")).getDomAttribute("href")).isEqualTo("/settings/audit-log");

        visit("/settings/audit-log", "audit-log-before-filter");
        new Select(browser.findElement(By.id("action"))).selectByValue("key.created");
        new Select(browser.findElement(By.id("environment"))).selectByValue("live");
        submit(By.id("apply-filters"));
        checkPage("audit-log-live-keys");
        assertThat(rows()).hasSize(1);
        assertThat(text(By.cssSelector(".audit-event .event-target"))).contains(liveKeyId);
        assertThat(selected("action")).isEqualTo("key.created");
        assertThat(selected("environment")).isEqualTo("live");
        assertThat(browser.getCurrentUrl()).contains("action=key.created").contains("environment=live");

        new Select(browser.findElement(By.id("environment"))).selectByValue("");
        type(By.id("targetId"), keyIds.get(3));
        submit(By.id("apply-filters"));
        checkPage("audit-log-one-key");
        assertThat(rows()).hasSize(1);
        assertThat(text(By.cssSelector(".audit-event .event-target"))).contains(keyIds.get(3));
        assertThat(text(By.cssSelector(".audit-event .event-details"))).contains("Batch 3");
        assertThat(browser.findElement(By.id("targetId")).getDomProperty("value")).isEqualTo(keyIds.get(3));
        assertThat(selected("action")).isEqualTo("key.created");

        browser.findElement(By.id("targetId")).clear();
        new Select(browser.findElement(By.id("environment"))).selectByValue("test");
        submit(By.id("apply-filters"));
        assertThat(column("event-action")).hasSize(20).containsOnly("key.created");
        assertThat(browser.findElement(By.id("older-events")).getDomAttribute("href"))
                .contains("action=key.created").contains("environment=test").contains("cursor=aud_");
        submit(By.id("older-events"));
        checkPage("audit-log-filtered-older");
        assertThat(column("event-action")).isNotEmpty().containsOnly("key.created");
        assertThat(column("event-environment")).containsOnly("test");
        assertThat(selected("action")).isEqualTo("key.created");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        visit("/settings/audit-log?action=key.revoked&from=" + today + "&to=" + today, "audit-log-no-match");
        assertThat(text(By.id("empty-state"))).contains("No events match these filters");
        assertThat(browser.findElement(By.id("from")).getDomProperty("value")).isEqualTo(today);

        visit("/settings/audit-log?action=key.created&from=31/01/2026", "audit-log-invalid-date");
        WebElement fromError = browser.findElement(By.id("from-error"));
        assertThat(fromError.isDisplayed()).isTrue();
        assertThat(fromError.getText()).contains("YYYY-MM-DD");
        assertThat(browser.findElement(By.id("from")).getDomAttribute("class")).contains("is-invalid");
        assertThat(browser.findElement(By.id("from")).getDomAttribute("aria-describedby")).isEqualTo("from-error");
        assertThat(selected("action")).as("the other filters are kept").isEqualTo("key.created");
        assertThat(browser.findElements(By.id("audit-events"))).isEmpty();

        visit("/settings/audit-log?from=2026-02-02&to=2026-02-01", "audit-log-reversed-dates");
        assertThat(text(By.id("to-error"))).contains("on or after");
        assertThat(browser.findElement(By.id("from")).getDomProperty("value")).isEqualTo("2026-02-02");

        visit("/settings/audit-log?action=key.exploded", "audit-log-unknown-action");
        assertThat(text(By.id("action-error"))).contains("Choose one of the listed actions");
    }

    @Test
    void aPasswordChangeReportsEachMistakeNextToItsFieldThenOnlyTheNewPasswordSignsIn() {
        String email = uniqueEmail("password");
        register(email, "Passwords");
        String oldToken = token(email);
        ok(api.get("/v1/auth/me", "Authorization", bearer(oldToken)), 200);

        visit("/settings/plan", "plan");
        submitHidden(By.id("nav-account")); // the link in the header's account menu
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/settings/account");
        checkPage("account");
        assertThat(text(By.id("account-email"))).isEqualTo(email);
        List<WebElement> workspaces = browser.findElements(By.cssSelector("#account-workspaces .account-workspace"));
        assertThat(workspaces).hasSize(1);
        assertThat(workspaces.getFirst().getText()).contains("Passwords").contains("owner").contains("current");

        changePassword("not the password", NEW_PASSWORD, NEW_PASSWORD, "password-wrong-current");
        assertThat(fieldError("currentPassword")).isEqualTo("The current password is wrong.");
        assertPasswordsNotEchoed("not the password");

        changePassword(PASSWORD, "short", "short", "password-too-short");
        assertThat(fieldError("newPassword")).contains("at least 8 characters");
        assertPasswordsNotEchoed("short\"");

        changePassword(PASSWORD, "password123", "password123", "password-too-common");
        assertThat(fieldError("newPassword")).contains("most common passwords");
        assertThat(browser.findElements(By.id("currentPassword-error"))).isEmpty();

        changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!", "password-not-confirmed");
        assertThat(fieldError("confirmPassword")).contains("does not match");

        changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD, "password-changed");
        assertThat(text(By.id("flash-success")))
                .isEqualTo("Password changed. Other sessions and API tokens were signed out.");
        assertThat(browser.findElements(By.cssSelector(".invalid-feedback"))).isEmpty();
        assertThat(api.get("/v1/auth/me", "Authorization", bearer(oldToken)).statusCode())
                .as("the token from before the change").isEqualTo(401);

        signOut();
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        screenshot("old-password-refused");
        signIn(email, NEW_PASSWORD);
        wait.until(ExpectedConditions.urlContains("/settings/api-keys"));
        screenshot("signed-in-with-new-password");
        assertThat(text(By.id("signed-in-email"))).isEqualTo(email);
    }

    @Test
    void errorPagesStayInTheLayoutAndAMemberGetsThe403PageForTheAuditLogAndTheKillSwitch() {
        String owner = uniqueEmail("owner");
        String member = uniqueEmail("member");
        register(owner, "Owned Workspace");

        visit("/no-such-page", "not-found");
        assertThat(navigationStatus()).isEqualTo(404);
        assertThat(browser.getTitle()).contains("Not found");
        assertThat(text(By.id("error-title"))).isEqualTo("We could not find that page");
        assertThat(text(By.id("error-status"))).contains("404");
        assertThat(text(By.id("signed-in-email"))).as("the layout's header").isEqualTo(owner);
        assertThat(browser.findElements(By.cssSelector("footer.site-footer"))).hasSize(1);
        assertThat(browser.findElement(By.id("error-home")).getDomAttribute("href")).isEqualTo("/settings/api-keys");
        assertNoInternals();

        String workspaceId = joinThroughTheApi(owner, member, "MEMBER");

        signOut();
        signIn(member, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/settings/api-keys"));
        switchWorkspace(workspaceId);
        assertThat(browser.findElement(By.id("current-workspace")).getDomProperty("textContent"))
                .contains("Owned Workspace").contains("member");
        assertThat(browser.findElements(By.id("nav-audit-log"))).as("no link for a member").isEmpty();

        visit("/settings/audit-log", "audit-log-member");
        assertThat(navigationStatus()).isEqualTo(403);
        assertThat(text(By.id("error-title"))).isEqualTo("You cannot do that");
        assertThat(text(By.id("error-message"))).isEqualTo("Only an admin or owner may read this.");
        assertThat(browser.findElements(By.id("audit-events"))).isEmpty();
        assertNoInternals();

        visit("/settings/plan", "plan-member");
        assertThat(text(By.id("lock-owner-only"))).contains("Only an owner");
        assertThat(browser.findElements(By.id("lock-workspace"))).isEmpty();
        assertThat(browser.findElements(By.id("unlock-workspace"))).isEmpty();
        assertThat(text(By.id("feature-kill-switch"))).contains("Not included");

        postDirectly("/settings/plan/lock");
        screenshot("lock-by-member");
        assertThat(navigationStatus()).isEqualTo(403);
        assertThat(text(By.id("error-message"))).endsWith("only an owner can.");
        visit("/settings/plan", "plan-member-still-unlocked");
        assertThat(text(By.id("lock-state"))).contains("Not locked");
    }

    @Test
    void dashboardPagesSendTheSecurityHeaders() {
        register(uniqueEmail("headers"), "Headers");
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        for (String path : List.of("/settings/plan", "/settings/audit-log", "/settings/account", "/no-such-page")) {
            HttpResponse<String> page = api.get(path, "Cookie", "JSESSIONID=" + session, "Accept", "text/html");
            assertThat(page.statusCode()).as(path).isEqualTo(path.equals("/no-such-page") ? 404 : 200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/html"));
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self'")
                            .doesNotContain("unsafe-inline"));
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.body()).as(path).doesNotContain("style=\"").doesNotContain("onclick=");
        }
    }

    /** Opens a page, takes its screenshot and checks every form that posts carries a CSRF token. */
    private void visit(String path, String screenshot) {
        open(path, screenshot);
        assertFormsCarryCsrf();
    }

    /** The page a submit led to: its screenshot and the CSRF check. */
    private void checkPage(String screenshot) {
        screenshot(screenshot);
        assertFormsCarryCsrf();
    }

    private void assertFormsCarryCsrf() {
        List<WebElement> forms = browser.findElements(By.cssSelector("form[method='post' i]"));
        assertThat(forms).as("the header's forms at least").isNotEmpty();
        for (WebElement form : forms) {
            List<WebElement> csrf = form.findElements(By.cssSelector("input[type='hidden'][name='_csrf']"));
            assertThat(csrf).as("a CSRF token in the form to " + form.getDomAttribute("action")).hasSize(1);
            assertThat(csrf.getFirst().getDomAttribute("value")).isNotBlank();
        }
    }

    /** The page again at phone width: nothing wider than the screen. */
    private void onPhone(String path, String screenshot) {
        browser.manage().window().setSize(PHONE);
        try {
            visit(path, screenshot);
            Object overflow = ((JavascriptExecutor) browser).executeScript(
                    "return document.documentElement.scrollWidth > document.documentElement.clientWidth;");
            assertThat(overflow).as("no sideways scrolling of the page on a phone").isEqualTo(false);
        } finally {
            browser.manage().window().setSize(DESKTOP);
        }
    }

    private void changePassword(String current, String next, String confirmation, String screenshot) {
        type(By.id("currentPassword"), current);
        type(By.id("newPassword"), next);
        type(By.id("confirmPassword"), confirmation);
        submit(By.id("change-password"));
        checkPage(screenshot);
    }

    private String fieldError(String field) {
        WebElement error = browser.findElement(By.id(field + "-error"));
        assertThat(error.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id(field)).getDomAttribute("aria-describedby")).isEqualTo(field + "-error");
        return error.getText();
    }

    private void assertPasswordsNotEchoed(String typed) {
        assertThat(browser.getPageSource()).doesNotContain(typed).doesNotContain(PASSWORD);
        for (String field : List.of("currentPassword", "newPassword", "confirmPassword")) {
            assertThat(browser.findElement(By.id(field)).getDomProperty("value")).as(field).isEmpty();
        }
    }

    /** A POST the page does not offer, with the session's CSRF token, as a hand-made form would send it. */
    private void postDirectly(String path) {
        ((JavascriptExecutor) browser).executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                const token = document.createElement('input');
                token.type = 'hidden';
                token.name = '_csrf';
                token.value = document.querySelector("input[name='_csrf']").value;
                form.appendChild(token);
                document.body.appendChild(form);
                window.latchkeyOldPage = true;
                form.submit();""", path);
        wait.until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return window.latchkeyOldPage === undefined && document.readyState === 'complete';")));
    }

    private long navigationStatus() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return performance.getEntriesByType('navigation')[0].responseStatus;");
    }

    private void assertNoInternals() {
        assertThat(browser.getPageSource()).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("Whitelabel");
    }

    private int workspaceStatus(String key) {
        return api.get("/v1/workspace", "Authorization", bearer(key)).statusCode();
    }

    private String text(By element) {
        return browser.findElement(element).getText().strip();
    }

    /** The plan's figure and what is in use of a row of the limits table. */
    private List<String> limit(String row) {
        return List.of(text(By.cssSelector("#limit-" + row + " .limit-value")),
                text(By.cssSelector("#limit-" + row + " .limit-used")));
    }

    private List<WebElement> rows() {
        return browser.findElements(By.cssSelector("#audit-events .audit-event"));
    }

    private List<String> column(String cellClass) {
        return rows().stream().map(row -> row.findElement(By.className(cellClass)).getText().strip()).toList();
    }

    private WebElement eventRow(String action) {
        return rows().stream()
                .filter(row -> row.findElement(By.className("event-action")).getText().equals(action))
                .findFirst().orElseThrow();
    }

    private Set<String> eventIds() {
        Set<String> ids = new HashSet<>();
        rows().forEach(row -> ids.add(row.getDomAttribute("data-event-id")));
        return ids;
    }

    private String selected(String select) {
        return new Select(browser.findElement(By.id(select))).getFirstSelectedOption().getDomAttribute("value");
    }
}
