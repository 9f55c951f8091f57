package dev.latchkey.app.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.util.Map;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A MEMBER of someone else's workspace sees its keys read-only: prefix, scopes and last-used time, and no control to
 * create, roll or revoke; the confirmation pages are 403 and so are the forms posted directly from the page.
 */
class MemberViewBrowserTest extends BrowserTestSupport {

    @Test
    void aMemberSeesTheKeysReadOnlyAndCannotChangeThem() {
        String owner = uniqueEmail("team-owner");
        JsonNode registered = ok(api.post("/v1/auth/register", "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD
                + "\",\"workspaceName\":\"Owner Co\"}"), 201);
        String ownerToken = registered.get("access_token").asString();
        String workspaceId = registered.get("workspace").get("id").asString();
        String ownerKey = registered.get("apiKey").get("key").asString();
        String keyId = registered.get("apiKey").get("id").asString();

        String member = uniqueEmail("member");
        joinThroughTheApi(owner, member, "MEMBER");
        ok(api.get("/v1/workspace", "Authorization", bearer(ownerKey)), 200); // so that "last used" is not "never"

        signInTo(member, workspaceId);
        assertThat(browser.findElement(By.id("current-workspace")).getText()).contains("Owner Co").contains("member");

        ApiKeysBrowserTest.waitUntilUsed(browser, wait, keyId);
        screenshot("member-api-keys");
        assertThat(row(keyId).findElement(By.cssSelector(".key-masked")).getText())
                .isEqualTo(ownerKey.substring(0, 12) + "…" + ownerKey.substring(ownerKey.length() - 4));
        assertThat(row(keyId).findElement(By.cssSelector(".key-scopes")).getText()).isEqualTo("9 scopes");
        assertNoChangeControls();
        assertThat(browser.getPageSource()).doesNotContain(ownerKey);

        open("/settings/api-keys/" + keyId, "member-key-detail");
        assertThat(browser.findElement(By.id("key-name")).getText()).isEqualTo("Default test key");
        assertThat(browser.findElement(By.cssSelector(".key-last-used")).getText()).doesNotContain("never");
        assertNoChangeControls();

        for (String page : new String[]{"/settings/api-keys/new", "/settings/api-keys/" + keyId + "/roll",
                "/settings/api-keys/" + keyId + "/revoke"}) {
            open(page, "member-forbidden");
            assertThat(errorStatus()).as(page).isEqualTo("Error 403");
            assertThat(browser.findElement(By.id("error-message")).getText()).contains("Only owners and admins can");
        }

        open("/settings/api-keys/" + keyId, "member-key-detail-again");
        Map<String, Map<String, String>> forms = Map.of(
                "/settings/api-keys/new", Map.of("name", "Sneaky", "type", "sk"),
                "/settings/api-keys/" + keyId + "/roll", Map.of("grace", "0"),
                "/settings/api-keys/" + keyId + "/revoke", Map.of());
        forms.forEach((path, fields) -> {
            Posted answer = postFromPage(path, fields);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.body()).as("refused by the role rule, not by CSRF")
                    .contains("id=\"error-status\"").contains("Your role MEMBER cannot change this");
        });

        ok(api.get("/v1/workspace", "Authorization", bearer(ownerKey)), 200);
        JsonNode keys = ok(api.get("/v1/keys", "Authorization", bearer(ownerToken)), 200);
        assertThat(keys.get("data").size()).as("no key created").isEqualTo(1);
        JsonNode key = keys.get("data").get(0);
        assertThat(key.get("status").asString()).isEqualTo("active");
        assertThat(key.get("rolledToId").isNull()).as("not rolled").isTrue();
        open("/settings/api-keys", "member-api-keys-unchanged");
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/settings/api-keys");
        assertThat(browser.findElements(By.cssSelector("tr.api-key"))).hasSize(1);
    }

    @Test
    void aMemberOfAWorkspaceWithoutKeysIsToldToAskAnAdmin() {
        String owner = uniqueEmail("empty-owner");
        JsonNode registered = ok(api.post("/v1/auth/register", "{\"email\":\"" + owner + "\",\"password\":\"" + PASSWORD
                + "\",\"workspaceName\":\"Quiet Co\"}"), 201);
        String workspaceId = registered.get("workspace").get("id").asString();
        String member = uniqueEmail("member");
        joinThroughTheApi(owner, member, "MEMBER");
        signInTo(member, workspaceId);
        switchEnvironment("live");
        WebElement empty = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("empty-state")));
        screenshot("member-live-empty");
        assertThat(empty.getText()).contains("No live keys yet").contains("Ask an admin");
        assertThat(browser.findElements(By.id("create-first-key"))).isEmpty();
        assertNoChangeControls();
    }

    private void assertNoChangeControls() {
        assertThat(browser.findElements(By.cssSelector("#new-key, #create-first-key, #roll-key, #revoke-key, "
                + "a.roll-key, a.revoke-key, a[href$='/new'][href^='/settings/api-keys']"))).isEmpty();
    }

    private WebElement row(String keyId) {
        return ApiKeysBrowserTest.row(browser, keyId);
    }

    /** Signs in and switches to the workspace with the header's switcher. */
    private void signInTo(String email, String workspaceId) {
        signIn(email, PASSWORD);
        wait.until(ExpectedConditions.urlContains("/settings/api-keys"));
        switchWorkspace(workspaceId);
        screenshot("switched-workspace");
    }
}
