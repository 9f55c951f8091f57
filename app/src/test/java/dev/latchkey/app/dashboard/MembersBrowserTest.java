package dev.latchkey.app.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The members page and invitations: from an invitation link to a joined member entirely in the browser, role changes
 * and removal, what a MEMBER may not do (even posting the form directly), the invite form's validation and the Free
 * plan's member limit, ownership transfer and leaving.
 */
class MembersBrowserTest extends BrowserTestSupport {

    private static final String LINK_PATTERN = "^https?://[^/]+/invitations/lkinv_[0-9A-Za-z]{40}$";

    @Test
    void anInvitationLinkTakesANewUserIntoTheWorkspaceAndTheOwnerManagesThem() {
        String owner = uniqueEmail("owner");
        String invitee = uniqueEmail("invitee");
        register(owner, "Orbit Labs");

        open("/settings/members", "members-owner-alone");
        assertThat(memberEmails()).containsExactly(owner);
        assertThat(row(owner).getText()).contains("you");
        assertThat(browser.findElement(By.id("only-you")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("invitations-empty")).getText()).contains("No pending invitations");

        type(By.id("invite-email"), invitee);
        new Select(browser.findElement(By.id("invite-role"))).selectByValue("MEMBER");
        submit(By.id("send-invitation"));
        String link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invitation-link"))).getText().strip();
        screenshot("invitation-created");
        assertThat(link).matches(LINK_PATTERN);
        String token = link.substring(link.lastIndexOf('/') + 1);
        assertThat(occurrences(browser.getPageSource(), token)).as("the link is shown exactly once").isEqualTo(1);
        assertThat(browser.findElement(By.id("invited-email")).getText()).isEqualTo(invitee);
        assertThat(browser.findElement(By.id("invited-role")).getText()).isEqualTo("member");
        assertThat(browser.findElement(By.id("expiry-note")).getText()).contains("expires in 7 days");
        assertThat(browser.findElement(By.id("mail-note")).getText()).contains("send the link yourself");
        WebElement copy = browser.findElement(By.id("copy-invitation-link"));
        assertThat(copy.getDomAttribute("data-copy-target")).isEqualTo("invitation-link");
        copy.click();
        wait.until(driver -> !driver.findElement(By.id("copy-invitation-link")).getText().equals("Copy"));

        open("/settings/members", "members-invitation-pending");
        WebElement pending = invitationRow(invitee);
        assertThat(pending.findElement(By.cssSelector(".invitation-role")).getText()).isEqualTo("member");
        assertThat(pending.findElement(By.cssSelector(".invitation-invited-by")).getText()).isEqualTo("you");
        assertThat(browser.getPageSource()).as("never listed with its token").doesNotContain(token);
        signOut();

        // the link, signed out: sign-in first (the link is remembered), then a new account
        open(URI.create(link).getPath(), "invitation-opened-signed-out");
        assertThat(browser.getPageSource()).doesNotContain(token);
        assertThat(path()).isEqualTo("/login");
        assertThat(browser.findElement(By.id("invitation-notice")).getText()).contains("invitation waiting");
        browser.manage().window().setSize(PHONE);
        screenshot("invitation-login-phone");
        browser.manage().window().setSize(DESKTOP);
        submit(By.cssSelector("#invitation-notice a"));
        assertThat(path()).isEqualTo("/register");
        assertThat(browser.findElement(By.id("invitation-notice")).isDisplayed()).isTrue();
        screenshot("register-with-invitation");
        type(By.id("email"), invitee);
        type(By.id("password"), PASSWORD);
        type(By.id("workspaceName"), "Invitee Garage");
        submit(By.id("create-account"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("first-key")));
        screenshot("first-key-then-invitation");
        assertThat(browser.findElement(By.id("continue")).getText()).contains("invitation");
        assertThat(browser.getPageSource()).doesNotContain(token);

        submit(By.id("continue"));
        assertThat(path()).isEqualTo("/invitation");
        screenshot("invitation-confirm");
        assertThat(browser.findElement(By.id("invitation-workspace")).getText()).isEqualTo("Orbit Labs");
        assertThat(browser.findElement(By.id("invitation-role")).getText()).isEqualTo("member");
        assertThat(browser.findElements(By.id("invitation-other-email"))).isEmpty();
        assertThat(browser.getPageSource()).as("the token is in no page").doesNotContain(token);
        browser.manage().window().setSize(PHONE);
        screenshot("invitation-confirm-phone");
        browser.manage().window().setSize(DESKTOP);

        submit(By.id("join"));
        assertThat(path()).isEqualTo("/settings/api-keys");
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains("You joined Orbit Labs as a member.");
        assertThat(browser.findElement(By.id("current-workspace")).getText()).contains("Orbit Labs").contains("member");
        screenshot("joined");

        // the member reads, changes nothing, and a direct post is refused by the use case
        open("/settings/members", "members-as-member");
        assertThat(memberEmails()).containsExactly(owner, invitee);
        assertThat(browser.findElements(By.id("invite"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".role-form, .remove-member, .transfer-ownership"))).isEmpty();
        assertThat(browser.findElement(By.id("read-only-note")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("leave-workspace")).isDisplayed()).isTrue();
        String ownerId = row(owner).getDomAttribute("data-user-id");
        assertThat(postFromPage("/settings/members/invitations",
                Map.of("email", uniqueEmail("sneaky"), "role", "MEMBER")).status()).isEqualTo(403);
        assertThat(postFromPage("/settings/members/" + ownerId + "/remove", Map.of()).status()).isEqualTo(403);
        browser.manage().window().setSize(PHONE);
        screenshot("members-as-member-phone");
        browser.manage().window().setSize(DESKTOP);

        // opened again, the used link explains itself
        open(URI.create(link).getPath(), "invitation-used");
        assertThat(browser.findElement(By.id("invitation-refused")).getDomAttribute("data-reason")).isEqualTo("conflict");
        assertThat(browser.findElement(By.id("invitation-problem")).getText()).contains("already accepted");
        assertThat(browser.getPageSource()).doesNotContain(token);
        signOut();

        // the owner sees them, makes them an admin, then removes them
        signIn(owner, PASSWORD);
        open("/settings/members", "members-owner-with-member");
        assertThat(browser.findElements(By.cssSelector("#invitations .invitation"))).isEmpty();
        new Select(row(invitee).findElement(By.cssSelector(".role-select"))).selectByValue("ADMIN");
        submit(By.cssSelector("tr[data-user-id='" + row(invitee).getDomAttribute("data-user-id") + "'] .change-role"));
        assertThat(browser.findElement(By.id("flash-success")).getText()).isEqualTo(invitee + " is now an admin.");
        assertThat(new Select(row(invitee).findElement(By.cssSelector(".role-select")))
                .getFirstSelectedOption().getText()).isEqualTo("Admin");
        screenshot("members-role-changed");

        submit(By.cssSelector("tr[data-user-id='" + row(invitee).getDomAttribute("data-user-id") + "'] .remove-member"));
        screenshot("remove-confirmation");
        assertThat(browser.findElement(By.id("confirm-question")).getText())
                .isEqualTo("Remove " + invitee + " from Orbit Labs?");
        submit(By.id("confirm"));
        assertThat(path()).isEqualTo("/settings/members");
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains(invitee + " was removed");
        assertThat(memberEmails()).containsExactly(owner);
        screenshot("members-removed");
    }

    @Test
    void theInviteFormExplainsAnInvalidEmailAndStopsAtTheFreePlansMemberLimit() {
        String owner = uniqueEmail("limits");
        register(owner, "Tiny Team");
        open("/settings/members", "members");
        assertThat(browser.findElement(By.id("seats")).getText()).isEqualTo("1 of 3 seats used");

        type(By.id("invite-email"), "not-an-email");
        submit(By.id("send-invitation"));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-email-error")));
        screenshot("invite-invalid-email");
        assertThat(error.getText()).isEqualTo("Email must be an email address.");
        WebElement email = browser.findElement(By.id("invite-email"));
        assertThat(email.getDomProperty("value")).isEqualTo("not-an-email");
        assertThat(email.getDomAttribute("class")).contains("is-invalid");
        assertThat(email.getDomAttribute("aria-describedby")).isEqualTo("invite-email-error");
        assertThat(browser.findElements(By.id("invitation-link"))).isEmpty();

        String first = uniqueEmail("first");
        invite(first, "ADMIN");
        String firstLink = browser.findElement(By.id("invitation-link")).getText().strip();
        open("/settings/members", "members-one-pending");
        assertThat(browser.findElement(By.id("invite-email")).isEnabled()).isTrue();
        invite(first, "MEMBER");
        assertThat(browser.findElement(By.id("invite-error")).getText()).contains("already has a pending invitation");
        assertThat(browser.findElement(By.id("invite-email")).getDomProperty("value")).isEqualTo(first);
        screenshot("invite-already-invited");
        invite(uniqueEmail("second"), "MEMBER");

        open("/settings/members", "members-at-the-limit");
        assertThat(browser.findElement(By.id("seats")).getText()).isEqualTo("3 of 3 seats used");
        assertThat(browser.findElement(By.id("invite-upgrade")).getText())
                .contains("The free plan allows 3 members").contains("See plans");
        assertThat(browser.findElement(By.id("invite-email")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("send-invitation")).isEnabled()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#invitations .invitation"))).hasSize(2);
        browser.manage().window().setSize(PHONE);
        screenshot("members-at-the-limit-phone");
        browser.manage().window().setSize(DESKTOP);
        // posted anyway, the use case refuses and the form says why
        Posted refused = postFromPage("/settings/members/invitations", Map.of("email", uniqueEmail("third"), "role", "MEMBER"));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"invite-error\"").contains("The free plan allows 3 members")
                .doesNotContain("invitation-link");

        submit(By.cssSelector("tr[data-invitation-id] .revoke-invitation"));
        assertThat(browser.findElement(By.id("flash-success")).getText()).contains("Invitation revoked");
        assertThat(browser.findElements(By.cssSelector("#invitations .invitation"))).hasSize(1);
        assertThat(browser.findElement(By.id("invite-email")).isEnabled()).isTrue();
        assertThat(browser.findElement(By.id("seats")).getText()).isEqualTo("2 of 3 seats used");
        screenshot("members-after-revoke");

        Posted created = postFromPage("/settings/members/invitations", Map.of("email", uniqueEmail("fourth"), "role", "MEMBER"));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.cacheControl()).isEqualTo("no-store");
        assertThat(created.body()).containsPattern("id=\"invitation-link\">https?://[^<]+/invitations/lkinv_");

        // someone else's link, and a link that never existed, explain themselves without the token
        String firstToken = firstLink.substring(firstLink.lastIndexOf('/') + 1);
        open(URI.create(firstLink).getPath(), "invitation-for-someone-else");
        assertThat(browser.findElement(By.id("invitation-other-email")).getText()).contains("was sent to");
        assertThat(browser.findElement(By.id("join")).isEnabled()).as("joined only by the invited address").isFalse();
        assertThat(browser.getPageSource()).doesNotContain(firstToken);
        String shownId = browser.findElement(By.cssSelector("input[name=invitation]")).getDomAttribute("value");
        assertThat(postFromPage("/invitation", Map.of("invitation", shownId)).body()).as("forced, the use case refuses it")
                .contains("data-reason=\"role_forbidden\"").contains("This invitation is for another email address")
                .doesNotContain(firstToken);
        String unknown = "lkinv_" + "0".repeat(40);
        open("/invitations/" + unknown, "invitation-not-found");
        assertThat(browser.findElement(By.id("invitation-refused")).getDomAttribute("data-reason")).isEqualTo("not_found");
        assertThat(browser.getPageSource()).doesNotContain(unknown);
        open("/invitation", "invitation-none-held");
        assertThat(browser.findElement(By.id("no-invitation")).getText()).contains("No invitation to accept");
    }

    @Test
    void theOwnerTransfersOwnershipAndBecomesAnAdminAndTheLastOwnerCannotLeave() {
        String owner = uniqueEmail("founder");
        String successor = uniqueEmail("successor");
        register(owner, "Handover Inc");
        joinThroughTheApi(owner, successor, "MEMBER");

        open("/settings/members", "members-before-transfer");
        String successorId = row(successor).getDomAttribute("data-user-id");
        assertThat(row(owner).findElements(By.cssSelector(".transfer-ownership"))).as("not to oneself").isEmpty();
        submit(By.cssSelector("tr[data-user-id='" + successorId + "'] .transfer-ownership"));
        screenshot("transfer-confirmation");
        assertThat(browser.findElement(By.id("confirm-question")).getText())
                .isEqualTo("Make " + successor + " an owner of Handover Inc?");
        submit(By.id("confirm"));

        assertThat(path()).isEqualTo("/settings/members");
        assertThat(browser.findElement(By.id("flash-success")).getText())
                .isEqualTo(successor + " is now an owner of Handover Inc. You are an admin.");
        assertThat(browser.findElement(By.id("current-workspace")).getText()).contains("admin");
        assertThat(row(successor).findElement(By.cssSelector(".member-role")).getText()).isEqualTo("owner");
        assertThat(row(successor).findElements(By.cssSelector(".role-form, .remove-member, .transfer-ownership")))
                .as("an admin does not touch owners").isEmpty();
        assertThat(new Select(row(owner).findElement(By.cssSelector(".role-select"))).getOptions())
                .extracting(WebElement::getText).containsExactly("Admin", "Member");
        assertThat(new Select(browser.findElement(By.id("invite-role"))).getOptions())
                .extracting(WebElement::getText).containsExactly("Admin", "Member");
        screenshot("members-after-transfer");
        signOut();

        // the new (and only) owner cannot leave; the reason is a message on the list
        signIn(successor, PASSWORD);
        switchWorkspace(workspaceIdOf(owner));
        open("/settings/members", "members-new-owner");
        submit(By.id("leave-workspace"));
        screenshot("leave-confirmation");
        assertThat(browser.findElement(By.id("confirm-question")).getText()).isEqualTo("Leave Handover Inc?");
        submit(By.id("confirm"));
        assertThat(path()).isEqualTo("/settings/members");
        assertThat(browser.findElement(By.id("flash-error")).getText()).contains("You are the last owner");
        screenshot("leave-refused-last-owner");
        signOut();

        // the former owner, now an admin, can leave
        signIn(owner, PASSWORD);
        open("/settings/members/leave", "leave-confirmation-admin");
        submit(By.id("confirm"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("no-workspace")));
        screenshot("left-last-workspace");
    }

    /** Fills and sends the invite form of the members page. */
    private void invite(String email, String role) {
        type(By.id("invite-email"), email);
        new Select(browser.findElement(By.id("invite-role"))).selectByValue(role);
        submit(By.id("send-invitation"));
    }

    private List<String> memberEmails() {
        return browser.findElements(By.cssSelector("#members tr.member .member-email span:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    private WebElement row(String email) {
        return browser.findElements(By.cssSelector("#members tr.member")).stream()
                .filter(row -> row.findElement(By.cssSelector(".member-email span")).getText().equals(email))
                .findFirst().orElseThrow(() -> new AssertionError("no member row of " + email));
    }

    private WebElement invitationRow(String email) {
        return browser.findElements(By.cssSelector("#invitations tr.invitation")).stream()
                .filter(row -> row.findElement(By.cssSelector(".invitation-email")).getText().equals(email))
                .findFirst().orElseThrow(() -> new AssertionError("no invitation of " + email));
    }

    private String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }
}
