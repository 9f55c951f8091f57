package dev.latchkey.app.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-up with the show-once first key, sign out, sign in, the keys table; and the error paths of both forms.
 */
class DashboardBrowserTest extends BrowserTestSupport {

    private static final String KEY_PATTERN = "^sk_test_[0-9A-Za-z]{32}$";

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
        copy.click(); // app.js (no inline script) answers by relabelling the button
        wait.until(driver -> !driver.findElement(By.id("copy-key")).getText().equals("Copy"));
        screenshots.take(browser, "first-key-copied");

        signOut();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-message")));

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

        switchEnvironment("live");
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

    /** Creates an account (its first key page shown) and signs out again. */
    private void registerAndSignOut(String email, String workspaceName) {
        register(email, workspaceName);
        signOut();
    }

    private void fillRegistration(String email, String password, String workspaceName) {
        type(By.id("email"), email);
        type(By.id("password"), password);
        type(By.id("workspaceName"), workspaceName);
    }
}
