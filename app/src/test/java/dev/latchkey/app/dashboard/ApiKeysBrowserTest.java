package dev.latchkey.app.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API key pages as an owner uses them: every type in both environments through the form, the secret shown once
 * and then working over /v1, "last used" and the usage chart catching up; roll with a grace period, revoke; the form's
 * validation and its plan-gated controls.
 */
class ApiKeysBrowserTest extends BrowserTestSupport {

    private static final String SHOW_ONCE = "you will not see this again";

    /** A key made through the form: its id and the secret shown once. */
    private record Created(String id, String secret) {
    }

    @Test
    void anOwnerCreatesEveryTypeInBothEnvironmentsUsesEachAndSeesItUsed() {
        String email = uniqueEmail("keys-owner");
        register(email, "Every Type");
        changePlan(email, "SCALE");

        for (String environment : List.of("test", "live")) {
            open("/settings/api-keys", "api-keys-" + environment);
            if (!browser.findElement(By.id("environment-" + environment)).getDomAttribute("aria-pressed").equals("true")) {
                switchEnvironment(environment);
            }
            // publishable: read scopes only, safe in a browser; it may read the workspace it belongs to
            Created pk = create("Storefront " + environment, "pk", environment, List.of("workspace:read"));
            JsonNode workspace = ok(api.get("/v1/workspace", "Authorization", bearer(pk.secret())), 200);
            assertThat(workspace.get("environment").asString()).isEqualTo(environment);
            // secret: every platform scope
            Created sk = create("Billing " + environment, "sk", environment, List.of());
            ok(api.get("/v1/keys", "Authorization", bearer(sk.secret())), 200);
            // restricted: exactly its scopes, so keys:read lists keys but workspace:read is missing
            Created rk = create("Reporting " + environment, "rk", environment, List.of("keys:read"));
            ok(api.get("/v1/keys", "X-Api-Key", rk.secret()), 200);
            assertThat(api.get("/v1/workspace", "X-Api-Key", rk.secret()).statusCode()).isEqualTo(403);

            open("/settings/api-keys", "api-keys-" + environment + "-created");
            String page = browser.getPageSource();
            for (Created key : List.of(pk, sk, rk)) {
                assertThat(page).as("the list never shows a secret").doesNotContain(key.secret())
                        .doesNotContain(key.secret().substring(12, 36));
                WebElement row = row(key.id());
                assertThat(row.findElement(By.cssSelector(".key-masked")).getText())
                        .isEqualTo(key.secret().substring(0, 12) + "…" + key.secret().substring(key.secret().length() - 4));
                assertThat(row.findElement(By.cssSelector(".key-type")).getText()).isEqualTo(key.secret().substring(0, 2));
                assertThat(row.findElement(By.cssSelector(".key-environment")).getText()).isEqualTo(environment);
                assertThat(row.findElement(By.cssSelector(".key-status")).getText()).isEqualTo("active");
            }
            for (Created key : List.of(pk, sk, rk)) {
                waitUntilUsed(browser, wait, key.id());
            }
            screenshot("api-keys-" + environment + "-used");
            assertThat(row(rk.id()).findElement(By.cssSelector(".key-scopes")).getText()).isEqualTo("1 scope");
            assertThat(row(sk.id()).findElement(By.cssSelector(".key-scopes")).getText()).isEqualTo("9 scopes");
        }

        browser.manage().window().setSize(PHONE);
        open("/settings/api-keys", "phone-api-keys");
        assertThat(browser.findElement(By.id("api-keys")).isDisplayed()).isTrue();
        Created phoneKey = create("From a phone", "sk", "live", List.of());
        screenshot("phone-show-once");
        assertThat(browser.findElement(By.id("copy-key")).isDisplayed()).isTrue();
        assertThat(phoneKey.secret()).startsWith("sk_live_");
    }

    @Test
    void aSigningKeyIsItsOwnSigningSecret() throws Exception {
        String email = uniqueEmail("signer");
        register(email, "Signers");
        changePlan(email, "PRO");
        open("/settings/api-keys/new", "new-key");
        type(By.id("name"), "Webhook sender");
        click(By.id("type-rk"));
        assertThat(browser.findElement(By.id("signing")).isEnabled()).as("only a secret key signs").isFalse();
        click(By.id("type-sk"));
        click(By.id("signing"));
        submit(By.id("create-key"));
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText().strip();
        screenshot("show-once-signing");
        assertThat(browser.findElement(By.id("signing-note")).getText()).contains("X-Latchkey-Signature");
        assertThat(occurrences(browser.getPageSource(), secret)).isEqualTo(1);

        assertThat(api.get("/v1/workspace", "Authorization", bearer(secret)).statusCode()).as("unsigned").isEqualTo(401);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(hmac.doFinal(new byte[0]));
        ok(api.get("/v1/workspace", "Authorization", bearer(secret), "X-Latchkey-Signature", signature), 200);

        open("/settings/api-keys/" + idOfShownKey(), "signing-key-detail");
        assertThat(browser.findElement(By.cssSelector(".key-signing")).getText()).isEqualTo("required");
    }

    @Test
    void theDetailPageChartsTheRequestsMadeWithTheKey() {
        String email = uniqueEmail("chart");
        register(email, "Charts");
        Created key = create("Charted", "sk", "test", List.of());
        int requests = 3;
        for (int i = 0; i < requests; i++) {
            ok(api.get("/v1/workspace", "Authorization", bearer(key.secret())), 200);
        }

        open("/settings/api-keys/" + key.id(), "key-detail");
        wait.until(driver -> {
            driver.navigate().refresh();
            return driver.findElement(By.id("usage-total")).getText().equals(String.valueOf(requests));
        });
        screenshot("key-detail-with-usage");
        assertThat(browser.findElement(By.id("key-name")).getText()).isEqualTo("Charted");
        assertThat(browser.findElement(By.cssSelector(".key-last-used")).getText()).doesNotContain("never");
        WebElement chart = browser.findElement(By.id("usage-chart"));
        List<WebElement> bars = chart.findElements(By.cssSelector("rect.bar"));
        assertThat(bars).hasSize(30);
        WebElement today = bars.getLast();
        assertThat(today.getDomAttribute("data-requests")).isEqualTo(String.valueOf(requests));
        assertThat(today.findElement(By.tagName("title")).getDomProperty("textContent"))
                .endsWith(": " + requests + " requests");
        assertThat(Double.parseDouble(today.getDomAttribute("height")))
                .as("the busiest day is the tallest bar").isGreaterThan(Double.parseDouble(bars.getFirst().getDomAttribute("height")));
        assertThat(browser.findElements(By.cssSelector("#usage-table tbody tr"))).hasSize(30);
        assertThat(browser.findElements(By.id("usage-empty"))).isEmpty();

        open("/settings/api-keys/key_doesNotExist0000000000", "key-not-found");
        assertThat(errorStatus()).isEqualTo("Error 404");
        open("/settings/api-keys/not-a-key", "key-malformed");
        assertThat(errorStatus()).isEqualTo("Error 404");
        open("/settings/api-keys", "api-keys");
        switchEnvironment("live");
        open("/settings/api-keys/" + key.id(), "test-key-seen-from-live");
        assertThat(errorStatus()).as("a test key is not in live").isEqualTo("Error 404");
    }

    @Test
    void rollWithAGracePeriodThenRevoke() {
        String email = uniqueEmail("roller");
        String first = register(email, "Rollers");
        open("/settings/api-keys", "api-keys");
        WebElement row = browser.findElement(By.cssSelector("tr.api-key"));
        String oldId = row.getDomAttribute("data-key-id");
        submit(By.cssSelector("tr[data-key-id='" + oldId + "'] a.roll-key"));
        screenshot("roll-confirmation");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Roll ");
        assertThat(browser.findElement(By.id("grace-86400")).isSelected()).as("24 h by default").isTrue();
        click(By.id("grace-3600"));
        submit(By.id("confirm-roll"));

        String rolled = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText().strip();
        screenshot("rolled-show-once");
        assertThat(rolled).matches("^sk_test_[0-9A-Za-z]{32}$").isNotEqualTo(first);
        assertThat(occurrences(browser.getPageSource(), rolled)).isEqualTo(1);
        assertThat(browser.findElement(By.id("old-key-note")).getText()).contains("keeps working until");
        String newId = idOfShownKey();
        ok(api.get("/v1/workspace", "Authorization", bearer(first)), 200);
        ok(api.get("/v1/workspace", "Authorization", bearer(rolled)), 200);

        open("/settings/api-keys/" + oldId, "old-key-detail");
        assertThat(browser.findElement(By.cssSelector(".key-status")).getText()).isEqualTo("expiring");
        assertThat(browser.findElement(By.cssSelector("#rolled-to a")).getText()).isEqualTo(newId);
        assertThat(browser.findElements(By.id("roll-key"))).as("a rolled key is not rolled again").isEmpty();

        open("/settings/api-keys/" + newId, "new-key-detail");
        submit(By.id("revoke-key"));
        screenshot("revoke-confirmation");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Revoke Default test key?");
        submit(By.id("confirm-revoke"));
        screenshot("revoked");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/settings/api-keys/" + newId);
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains("Revoked");
        assertThat(browser.findElement(By.cssSelector(".key-status")).getText()).isEqualTo("revoked");
        assertThat(browser.findElements(By.id("roll-key"))).isEmpty();
        assertThat(browser.findElements(By.id("revoke-key"))).isEmpty();
        wait.until(driver -> api.get("/v1/workspace", "Authorization", bearer(rolled)).statusCode() == 401);
        ok(api.get("/v1/workspace", "Authorization", bearer(first)), 200);

        open("/settings/api-keys", "api-keys-after-roll-and-revoke");
        assertThat(row(newId).findElement(By.cssSelector(".key-status")).getText()).isEqualTo("revoked");
        assertThat(row(newId).findElements(By.cssSelector("a.roll-key, a.revoke-key"))).isEmpty();
        assertThat(row(oldId).findElements(By.cssSelector("a.roll-key"))).isEmpty();

        open("/settings/api-keys?status=revoked", "api-keys-revoked-only");
        assertThat(browser.findElements(By.cssSelector("tr.api-key"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("tr.api-key")).getDomAttribute("data-key-id")).isEqualTo(newId);
        open("/settings/api-keys?type=pk", "api-keys-no-publishable");
        assertThat(browser.findElement(By.id("empty-state")).getText()).contains("No keys match these filters");
    }

    @Test
    void invalidFieldsAreReportedNextToThemWithEveryValueKept() {
        String email = uniqueEmail("validation");
        register(email, "Validators");
        changePlan(email, "SCALE");
        open("/settings/api-keys/new", "new-key");
        click(By.id("type-rk"));
        click(By.id("scope-keys-read"));
        type(By.id("customScopes"), "resources:read, jobs:write");
        type(By.id("rateLimit"), "120");
        type(By.id("ipAllowlist"), "203.0.113.0/24\n10.0.0.300/8");
        submit(By.id("create-key"));

        WebElement nameError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
        screenshot("new-key-invalid");
        assertThat(nameError.getText()).isEqualTo("Name must not be blank.");
        assertThat(browser.findElement(By.id("ipAllowlist-error")).getText())
                .startsWith("Line 2: ").contains("10.0.0.300/8");
        assertThat(browser.findElement(By.id("name")).getDomAttribute("aria-describedby")).contains("name-error");
        assertThat(browser.findElement(By.id("ipAllowlist")).getDomProperty("value"))
                .isEqualTo("203.0.113.0/24\n10.0.0.300/8");
        assertThat(browser.findElement(By.id("customScopes")).getDomProperty("value")).isEqualTo("resources:read, jobs:write");
        assertThat(browser.findElement(By.id("rateLimit")).getDomProperty("value")).isEqualTo("120");
        assertThat(browser.findElement(By.id("type-rk")).isSelected()).isTrue();
        assertThat(browser.findElement(By.id("scope-keys-read")).isSelected()).isTrue();
        assertThat(browser.findElements(By.id("new-key"))).isEmpty();

        type(By.id("name"), "Reporting");
        type(By.id("ipAllowlist"), "203.0.113.0/24");
        submit(By.id("create-key"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key")));
        screenshot("new-key-created-after-fixing");
        open("/settings/api-keys/" + idOfShownKey(), "created-key-detail");
        assertThat(browser.findElement(By.cssSelector(".key-scopes")).getText())
                .contains("jobs:write", "keys:read", "resources:read");
        assertThat(browser.findElement(By.cssSelector(".key-ip-allowlist")).getText()).isEqualTo("203.0.113.0/24");
        assertThat(browser.findElement(By.cssSelector(".key-rate-limit")).getText()).startsWith("120 ");

        open("/settings/api-keys/new", "new-key-custom-scopes-suggested");
        assertThat(browser.findElement(By.id("customScopes-hint")).getText()).contains("jobs:write", "resources:read");
    }

    @Test
    void onTheFreePlanGatedControlsAreDisabledWithTheUpgradeMessage() {
        register(uniqueEmail("free"), "Free Tier");
        open("/settings/api-keys", "api-keys");
        submit(By.id("new-key"));
        screenshot("new-key-free");
        assertThat(browser.findElement(By.id("environment-option-test")).isSelected()).as("the toggle's").isTrue();
        assertThat(browser.findElement(By.id("type-sk")).isSelected()).isTrue();
        assertGated("type-rk", "type-rk-upgrade", "Restricted keys are not available on the free plan. Upgrade to ");
        assertGated("customScopes", "customScopes-upgrade", "Custom scopes are not available on the free plan. Upgrade to ");
        assertGated("ipAllowlist", "ipAllowlist-upgrade", "IP allowlists are not available on the free plan. Upgrade to ");
        assertGated("signing", "signing-upgrade", "Request signing is not available on the free plan. Upgrade to ");
        assertThat(browser.findElement(By.id("create-key")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("rateLimit-hint")).getText()).contains("Default 60", "at most 600");

        browser.manage().window().setSize(PHONE);
        screenshot("phone-new-key-free");

        // a restricted key forced past the disabled control: the plan's answer is a form-level error
        type(By.id("name"), "Sneaky");
        ((JavascriptExecutor) browser).executeScript(
                "var rk = document.getElementById('type-rk'); rk.disabled = false; rk.checked = true;"
                        + "document.getElementById('scope-keys-read').checked = true;");
        submit(By.id("create-key"));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-error")));
        screenshot("phone-new-key-plan-required");
        assertThat(error.getText()).startsWith("Restricted keys are not available on the free plan. Upgrade to");
        assertThat(browser.findElement(By.id("name")).getDomProperty("value")).isEqualTo("Sneaky");
        assertThat(browser.findElements(By.id("new-key"))).isEmpty();
    }

    private void assertGated(String control, String message, String text) {
        assertThat(browser.findElement(By.id(control)).isEnabled()).as(control + " disabled").isFalse();
        WebElement upgrade = browser.findElement(By.id(message));
        assertThat(upgrade.isDisplayed()).isTrue();
        assertThat(upgrade.getText()).startsWith(text);
        assertThat(browser.findElement(By.id(control)).getDomAttribute("aria-describedby")).contains(message);
    }

    /** Fills and submits the new-key form; returns the key shown once, after checking it is shown exactly once. */
    private Created create(String name, String type, String environment, List<String> scopes) {
        open("/settings/api-keys/new", "new-" + type + "-" + environment);
        type(By.id("name"), name);
        click(By.cssSelector("label[for='environment-option-" + environment + "']"));
        click(By.id("type-" + type));
        for (String scope : scopes) {
            click(By.id("scope-" + scope.replace(':', '-')));
        }
        submit(By.id("create-key"));
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-key"))).getText().strip();
        screenshot("show-once-" + type + "-" + environment);
        assertThat(secret).matches("^" + type + "_" + environment + "_[0-9A-Za-z]{32}$");
        assertThat(occurrences(browser.getPageSource(), secret)).as("shown exactly once").isEqualTo(1);
        assertThat(browser.findElement(By.id("show-once-warning")).getText()).containsIgnoringCase(SHOW_ONCE);
        assertThat(browser.findElement(By.id("copy-key")).getDomAttribute("data-copy-target")).isEqualTo("new-key");
        return new Created(idOfShownKey(), secret);
    }

    /** The id of the key on a show-once page, from its link to the key's page. */
    private String idOfShownKey() {
        String href = browser.findElement(By.id("view-key")).getDomAttribute("href");
        return href.substring(href.lastIndexOf('/') + 1);
    }

    private WebElement row(String keyId) {
        return row(browser, keyId);
    }

    /** The row of a key on the list page. */
    static WebElement row(WebDriver browser, String keyId) {
        return browser.findElement(By.cssSelector("tr[data-key-id='" + keyId + "']"));
    }

    /** Reloads the list until the key's "last used" is no longer "never" (usage is flushed every second in tests). */
    static void waitUntilUsed(WebDriver browser, WebDriverWait wait, String keyId) {
        wait.until(driver -> {
            if (!row(driver, keyId).findElement(By.cssSelector(".key-last-used")).getText().equals("never")) {
                return true;
            }
            driver.navigate().refresh();
            return false;
        });
        assertThat(row(browser, keyId).findElement(By.cssSelector(".key-last-used time")).getDomAttribute("datetime"))
                .isNotBlank();
    }
}
