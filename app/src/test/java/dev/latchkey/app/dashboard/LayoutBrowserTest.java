package dev.latchkey.app.dashboard;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame of every page: workspace switcher, Live/Test toggle, navigation on a phone, keyboard use. */
class LayoutBrowserTest extends BrowserTestSupport {

    @Test
    void aSecondWorkspaceIsCreatedAndTheSwitcherMovesBetweenThem() {
        register(uniqueEmail("switcher"), "First Co");
        open("/workspaces/new", "new-workspace");

        submit(By.id("create-workspace"));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("name-error")));
        screenshot("new-workspace-blank-name");
        assertThat(error.getText()).contains("must not be blank");

        type(By.id("name"), "Second Co");
        submit(By.id("create-workspace"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("flash-success")));
        screenshot("second-workspace");
        assertThat(browser.findElement(By.id("current-workspace")).getText()).contains("Second Co").contains("owner");
        assertThat(browser.findElement(By.id("empty-state")).isDisplayed())
                .as("a new workspace has no keys").isTrue();

        browser.findElement(By.id("current-workspace")).click();
        WebElement first = wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[contains(@class,'switch-workspace')][span[text()='First Co']]")));
        screenshot("switcher-open");
        submit(By.xpath("//button[contains(@class,'switch-workspace')][span[text()='First Co']]"));
        assertThat(first).isNotNull();
        assertThat(browser.findElement(By.id("current-workspace")).getText()).contains("First Co");
        assertThat(browser.findElements(By.cssSelector("#api-keys tbody tr"))).as("the first workspace's key").hasSize(1);
        screenshot("switched-back");
    }

    @Test
    void theEnvironmentToggleStaysChosenAcrossPagesAndSaysWhichDataIsShown() {
        register(uniqueEmail("toggler"), "Toggles");
        open("/settings/api-keys", "test");
        assertThat(browser.findElement(By.id("test-banner")).getText()).contains("test data");
        assertThat(browser.findElement(By.id("environment-test")).getDomAttribute("aria-pressed")).isEqualTo("true");

        switchEnvironment("live");
        screenshot("live");
        assertThat(browser.findElements(By.id("test-banner"))).isEmpty();
        assertThat(browser.findElement(By.id("environment-live")).getDomAttribute("aria-pressed")).isEqualTo("true");

        open("/workspaces/new", "another-page-still-live");
        assertThat(browser.findElement(By.id("environment-live")).getDomAttribute("aria-pressed")).isEqualTo("true");
        switchEnvironment("test");
        assertThat(browser.getCurrentUrl()).as("the toggle comes back to the page").endsWith("/workspaces/new");
        assertThat(browser.findElement(By.id("test-banner")).isDisplayed()).isTrue();
    }

    @Test
    void onAPhoneTheNavigationFoldsIntoAMenu() {
        register(uniqueEmail("phone"), "Pocket");
        browser.manage().window().setSize(PHONE);
        open("/settings/api-keys", "phone-keys");

        WebElement toggler = browser.findElement(By.cssSelector(".navbar-toggler"));
        assertThat(toggler.isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("nav-members")).isDisplayed()).isFalse();
        assertThat(noHorizontalScroll()).as("nothing wider than the phone").isTrue();

        toggler.click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-members")));
        screenshot("phone-menu-open");
        assertThat(browser.findElement(By.id("environment-live")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("current-workspace")).isDisplayed()).isTrue();
    }

    @Test
    void theKeyboardReachesASkipLinkFirst() {
        register(uniqueEmail("keyboard"), "Keys Co");
        open("/settings/api-keys", "keys");

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("Skip to content");
        assertThat(focused.getDomAttribute("href")).isEqualTo("#main");
        screenshot("skip-link-focused");
    }

    private boolean noHorizontalScroll() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;"));
    }
}
