package dev.latchkey.dashboard;

import org.junit.jupiter.api.Test;
import dev.latchkey.application.port.in.GetPlanOverviewUseCase;
import dev.latchkey.domain.apikey.Environment;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The dashboard's pages and security on in-memory use cases (the browser test in app covers the real stack). */
@SpringBootTest(classes = DashboardTestApplication.class)
@AutoConfigureMockMvc
class DashboardPagesTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern KEY = Pattern.compile("sk_test_[0-9A-Za-z]{32}");

    @Autowired
    MockMvc mvc;

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/settings/api-keys")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(redirectedUrl("/settings/api-keys"));
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/register")).andExpect(status().isOk());
        mvc.perform(get("/css/app.css")).andExpect(status().isOk());
        mvc.perform(get("/js/app.js")).andExpect(status().isOk());
    }

    @Test
    void pagesForbidInlineScripts() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self'")));
    }

    /** Boot generates (and logs) a default password only together with its in-memory user store. */
    @Test
    void noGeneratedDefaultUser(@Autowired ApplicationContext context) {
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void registrationShowsTheFirstKeyOnceAndSignsIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String csrf = csrf(session, "/register");
        String sessionId = session.getId();
        String email = "ada+" + UUID.randomUUID() + "@example.com";

        MvcResult registered = mvc.perform(post("/register").session(session)
                        .param("_csrf", csrf).param("email", email).param("password", "correct horse")
                        .param("workspaceName", "Analytical Engines"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn();
        String page = registered.getResponse().getContentAsString();
        Matcher key = KEY.matcher(page);
        assertThat(key.find()).isTrue();
        String fullKey = key.group();
        assertThat(page).contains("you will not see this again").contains("data-copy-target=\"first-key\"")
                .contains("href=\"/settings/api-keys\"").contains(email).doesNotContain("correct horse");
        assertThat(session.getId()).isNotEqualTo(sessionId);
        assertThat(csrf(session, "/register")).isNotEqualTo(csrf);

        String keys = mvc.perform(get("/settings/api-keys").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(keys).contains(fullKey.substring(0, 12) + "…" + fullKey.substring(fullKey.length() - 4))
                .contains("Analytical Engines").contains("never").doesNotContain(fullKey);

        mvc.perform(post("/switch/environment").session(session).param("_csrf", csrf(session, "/settings/api-keys"))
                        .param("environment", "live").param("returnTo", "/settings/api-keys"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/settings/api-keys"));
        String live = mvc.perform(get("/settings/api-keys").session(session))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(live).contains("No live keys yet").doesNotContain(fullKey.substring(0, 12));

        mvc.perform(post("/switch/environment").session(session).param("_csrf", csrf(session, "/settings/api-keys"))
                        .param("environment", "staging").param("returnTo", "https://evil.example/"))
                .andExpect(redirectedUrl("/settings/api-keys"))
                .andExpect(flash().attribute("flashError", "Choose test or live."));
        mvc.perform(post("/switch/workspace").session(session).param("_csrf", csrf(session, "/settings/api-keys"))
                        .param("workspace", "ws_unknown"))
                .andExpect(redirectedUrl("/settings/api-keys"))
                .andExpect(flash().attribute("flashError", "You are not a member of that workspace."));
        assertThat(mvc.perform(get("/settings/api-keys").session(session)).andReturn().getResponse()
                .getContentAsString()).as("still live").contains("No live keys yet");
        mvc.perform(post("/switch/environment").session(session).param("_csrf", csrf(session, "/settings/api-keys"))
                        .param("environment", "test").param("returnTo", "/settings/{oops}"))
                .andExpect(redirectedUrl("/settings/api-keys"));
        mvc.perform(post("/settings/api-keys/new").session(session).param("_csrf", csrf(session, "/settings/api-keys"))
                        .param("name", "Too many").param("scopes[100000]", "keys:read"))
                .andExpect(status().isBadRequest());
    }

    /** A deployment that serves one environment has no toggle, and cannot be switched to the other. */
    @Test
    void aLiveOnlyDeploymentShowsNoToggle(@Autowired InMemoryAccounts accounts) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/register").session(session).param("_csrf", csrf(session, "/register"))
                .param("email", "live+" + UUID.randomUUID() + "@example.com").param("password", "correct horse")
                .param("workspaceName", "Live Only")).andExpect(status().isOk());
        accounts.serve(List.of(Environment.LIVE));
        try {
            String page = mvc.perform(get("/settings/api-keys").session(session)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("id=\"environment-only\"").contains("Live only")
                    .doesNotContain("id=\"environment-test\"").contains("No live keys yet");
            mvc.perform(post("/switch/environment").session(session).param("_csrf", csrf(session, "/settings/api-keys"))
                            .param("environment", "test"))
                    .andExpect(flash().attribute("flashError", "This deployment serves only the live environment."));
        } finally {
            accounts.serve(List.of(Environment.TEST, Environment.LIVE));
        }
    }

    @Test
    void invalidRegistrationKeepsTheEnteredValuesButNotThePassword() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(post("/register").session(session).param("_csrf", csrf(session, "/register"))
                        .param("email", "not-an-email").param("password", "short")
                        .param("workspaceName", "Kept Workspace"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Email must be an email address.")
                .contains("Password must be at least 8 characters.")
                .contains("value=\"Kept Workspace\"").contains("value=\"not-an-email\"")
                .doesNotContain("value=\"short\"");
    }

    @Test
    void duplicateEmailIsExplained() throws Exception {
        String email = "dup+" + UUID.randomUUID() + "@example.com";
        for (int i = 0; i < 2; i++) {
            MockHttpSession session = new MockHttpSession();
            String page = mvc.perform(post("/register").session(session).param("_csrf", csrf(session, "/register"))
                            .param("email", email).param("password", "long enough").param("workspaceName", "Dup"))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page.contains("An account with this email already exists")).isEqualTo(i == 1);
        }
    }

    @Test
    void signInAndOut() throws Exception {
        String email = "grace+" + UUID.randomUUID() + "@example.com";
        MockHttpSession first = new MockHttpSession();
        mvc.perform(post("/register").session(first).param("_csrf", csrf(first, "/register"))
                .param("email", email).param("password", "long enough").param("workspaceName", "Navy"));

        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("_csrf", csrf(session, "/login"))
                        .param("email", email).param("password", "wrong password"))
                .andExpect(redirectedUrl("/login?error"));
        assertThat(mvc.perform(get("/login").param("error", "").session(session)).andReturn().getResponse()
                .getContentAsString()).contains("Email or password is wrong").contains("value=\"" + email + "\"")
                .doesNotContain("wrong password");

        mvc.perform(post("/login").session(session).param("_csrf", csrf(session, "/login"))
                        .param("email", email).param("password", "long enough"))
                .andExpect(redirectedUrl("/settings/api-keys"));
        mvc.perform(get("/settings/api-keys").session(session)).andExpect(status().isOk());
        mvc.perform(get("/login").session(session)).andExpect(redirectedUrl("/settings/api-keys"));

        String csrf = csrf(session, "/settings/api-keys");
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden()); // no CSRF token
        mvc.perform(post("/logout").session(session).param("_csrf", csrf)).andExpect(redirectedUrl("/login?logout"));
    }

    /** A failure nobody expected: the 500 page in the layout, without the exception, its message or a trace. */
    @Test
    void anUnexpectedFailureIsThe500PageWithoutInternals(@Autowired GetPlanOverviewUseCase plans) throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/register").session(session).param("_csrf", csrf(session, "/register"))
                .param("email", "failing+" + UUID.randomUUID() + "@example.com").param("password", "correct horse")
                .param("workspaceName", "Failing")).andExpect(status().isOk());
        Mockito.when(plans.overview(Mockito.any())).thenThrow(new IllegalStateException("pool secret-db:5432 exhausted"));
        String page;
        try {
            page = mvc.perform(get("/settings/plan").session(session))
                    .andExpect(status().isInternalServerError())
                    .andReturn().getResponse().getContentAsString();
        } finally {
            Mockito.reset(plans); // the application context, and this mock, are shared with other test classes
        }

        assertThat(page).contains("id=\"error-status\"").contains("Something went wrong").contains("Failing")
                .doesNotContain("secret-db").doesNotContain("IllegalStateException").doesNotContain("at dev.latchkey");
    }

    private String csrf(MockHttpSession session, String page) throws Exception {
        String html = mvc.perform(get(page).session(session)).andReturn().getResponse().getContentAsString();
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field on " + page).isTrue();
        return matcher.group(1);
    }
}
