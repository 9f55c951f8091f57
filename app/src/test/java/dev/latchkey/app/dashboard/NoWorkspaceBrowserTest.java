package dev.latchkey.app.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

import java.net.URI;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** A user who left every workspace is not stuck: they start one of their own, or join one by invitation. */
class NoWorkspaceBrowserTest extends BrowserTestSupport {

    @Test
    void aUserInNoWorkspaceStartsOneOrJoinsOneByInvitation() {
        String wanderer = uniqueEmail("wanderer");
        String wandererToken = ok(api.post("/v1/auth/register", "{\"email\":\"" + wanderer + "\",\"password\":\""
                + PASSWORD + "\",\"workspaceName\":\"Left Behind\"}"), 201).get("access_token").asString();
        String successor = uniqueEmail("successor");
        String leftBehind = joinThroughTheApi(wanderer, successor, "MEMBER");
        leaveEveryWorkspace(wandererToken, successor, leftBehind);

        signIn(wanderer, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-workspace")));
        screenshot("no-workspace");
        assertThat(browser.findElements(By.id("current-workspace"))).as("no workspace to switch to").isEmpty();

        String host = uniqueEmail("host");
        ok(api.post("/v1/auth/register", "{\"email\":\"" + host + "\",\"password\":\"" + PASSWORD
                + "\",\"workspaceName\":\"Harbour\"}"), 201);
        String link = ok(api.post("/v1/members/invitations", "{\"email\":\"" + wanderer + "\",\"role\":\"MEMBER\"}",
                "Authorization", bearer(token(host))), 201).get("url").asString();
        open(URI.create(link).getPath(), "invitation-without-a-workspace");
        assertThat(browser.findElement(By.id("invitation-workspace")).getText()).isEqualTo("Harbour");
        submit(By.id("join"));
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains("You joined Harbour as a member.");
        assertThat(browser.findElement(By.id("current-workspace")).getText()).contains("Harbour");
        screenshot("joined-from-no-workspace");

        leaveThroughTheDashboard();
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains("You left Harbour.");
        assertThat(browser.findElement(By.id("no-workspace")).isDisplayed()).isTrue();
        submit(By.id("start-workspace"));
        type(By.id("name"), "Fresh Start");
        submit(By.id("create-workspace"));
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains("Fresh Start");
        assertThat(browser.findElement(By.id("current-workspace")).getText()).contains("Fresh Start").contains("owner");
        screenshot("own-workspace-again");
    }

    /** The wanderer hands their workspace to the successor and leaves it: they belong to no workspace any more. */
    private void leaveEveryWorkspace(String wandererToken, String successor, String workspaceId) {
        JsonNode members = ok(api.get("/v1/members", "Authorization", bearer(wandererToken)), 200).get("data");
        String successorId = null;
        String wandererId = null;
        for (JsonNode member : members) {
            if (member.get("email").asString().equals(successor)) {
                successorId = member.get("userId").asString();
            } else {
                wandererId = member.get("userId").asString();
            }
        }
        ok(api.post("/v1/workspace/transfer", "{\"userId\":\"" + successorId + "\"}",
                "Authorization", bearer(wandererToken), "Latchkey-Workspace", workspaceId), 200);
        assertThat(api.send("DELETE", "/v1/members/" + wandererId, null, "Authorization", bearer(wandererToken),
                "Latchkey-Workspace", workspaceId).statusCode()).isEqualTo(204);
    }

    private void leaveThroughTheDashboard() {
        open("/settings/members", "members");
        submit(By.id("leave-workspace"));
        screenshot("leave-confirmation");
        submit(By.id("confirm"));
    }
}
