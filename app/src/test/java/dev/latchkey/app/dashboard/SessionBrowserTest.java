package dev.latchkey.app.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpResponse;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard session as a browser holds it: the cookie's flags, a new session id at sign-in, sign-out that ends
 * the session on the server, and a password change that ends every session signed in before it.
 */
class SessionBrowserTest extends BrowserTestSupport {

    private static final String SESSION = "JSESSIONID";

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndChangesAtSignIn() {
        String email = uniqueEmail("cookie");
        register(email, "Cookies");
        signOut();

        open("/login", "login");
        Cookie before = browser.manage().getCookieNamed(SESSION);
        assertThat(before).as("the sign-in form's session (CSRF token)").isNotNull();
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-keys")));
        Cookie after = browser.manage().getCookieNamed(SESSION);

        assertThat(after.getValue()).as("a new session id at sign-in").isNotEqualTo(before.getValue());
        assertThat(after.isHttpOnly()).isTrue();
        assertThat(after.getSameSite()).isEqualTo("Lax");
        assertThat(after.isSecure()).as("plain HTTP here; Secure when latchkey.public-url is https").isFalse();
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() throws Exception {
        register(uniqueEmail("leaver"), "Leavers");
        String session = browser.manage().getCookieNamed(SESSION).getValue();
        assertThat(keysPageWith(session).statusCode()).as("the session works before sign-out").isEqualTo(200);

        signOut();

        HttpResponse<String> replayed = keysPageWith(session);
        assertThat(replayed.statusCode()).as("the old session id is dead").isEqualTo(302);
        assertThat(replayed.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aPasswordChangeEndsSessionsSignedInBeforeIt() {
        String email = uniqueEmail("rotator");
        register(email, "Rotation");
        open("/settings/api-keys", "signed-in");

        HttpResponse<String> changed = api.post("/v1/auth/password",
                "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":\"a brand new passphrase\"}",
                "Authorization", bearer(token(email)));
        assertThat(changed.statusCode()).isEqualTo(204);

        open("/settings/api-keys", "after-password-change");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/login");
        assertThat(browser.findElement(By.id("session-ended")).getText()).contains("password was changed");
        assertThat(browser.findElements(By.id("sign-out"))).isEmpty();

        signIn(email, "a brand new passphrase");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("api-keys")));
        screenshot("signed-in-with-the-new-password");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() {
        register(uniqueEmail("forger"), "Forgery");
        open("/settings/api-keys", "keys");

        Object withoutToken = ((org.openqa.selenium.JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch('/switch/environment', {method: 'POST', redirect: 'manual',"
                        + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                        + " body: 'environment=live&returnTo=/settings/api-keys'}).then(r => done(r.status));");
        assertThat(((Number) withoutToken).intValue()).isEqualTo(403);

        open("/settings/api-keys", "still-test");
        assertThat(browser.findElement(By.id("environment-test")).getDomAttribute("aria-pressed"))
                .as("nothing changed").isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("form[method=post]")))
                .as("every form of the page carries its token").isNotEmpty()
                .allSatisfy(form -> assertThat(form.findElements(By.cssSelector("input[name=_csrf]"))).hasSize(1));
    }

    private HttpResponse<String> keysPageWith(String session) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(url("/settings/api-keys"))).header("Cookie", SESSION + "=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
