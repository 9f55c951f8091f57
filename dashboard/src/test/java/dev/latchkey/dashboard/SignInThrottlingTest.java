package dev.latchkey.dashboard;

import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.application.port.in.LoginUseCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/** The sign-in form when the login use case refuses for too many failed attempts, and what it is told. */
@SpringBootTest(classes = {DashboardTestApplication.class, SignInThrottlingTest.Throttling.class})
@AutoConfigureMockMvc
class SignInThrottlingTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    static final AtomicReference<LoginUseCase.LoginCommand> lastCommand = new AtomicReference<>();

    /** Refuses every sign-in of {@code held@example.com} as throttled; the rest go to the in-memory accounts. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Throttling {
        @Bean
        @Primary
        LoginUseCase throttlingLogin(InMemoryAccounts accounts) {
            return command -> {
                lastCommand.set(command);
                if ("held@example.com".equals(command.email())) {
                    throw new LoginThrottledException(command.password().length() == 8 ? 30 : 14 * 60 + 1);
                }
                return accounts.login(command);
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void aThrottledSignInSaysHowManyMinutesToWait() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("_csrf", csrf(session))
                        .param("email", "held@example.com").param("password", "the right one, too late")
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.77");
                            return request;
                        }))
                .andExpect(redirectedUrl("/login?throttled"));

        String page = mvc.perform(get("/login").param("throttled", "").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Too many attempts; try again in 15 minutes.")
                .doesNotContain("Email or password is wrong")
                .doesNotContain("too late")
                .contains("value=\"held@example.com\"");
        assertThat(lastCommand.get().clientAddress()).isEqualTo("198.51.100.77");

        String again = mvc.perform(get("/login").param("throttled", "").session(session)).andReturn().getResponse()
                .getContentAsString();
        assertThat(again).as("once shown, the count is not kept").contains("try again in a few minutes");
    }

    @Test
    void underAMinuteIsOneMinute() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("_csrf", csrf(session))
                        .param("email", "held@example.com").param("password", "8 chars!"))
                .andExpect(redirectedUrl("/login?throttled"));

        assertThat(mvc.perform(get("/login").param("throttled", "").session(session)).andReturn().getResponse()
                .getContentAsString()).contains("Too many attempts; try again in 1 minute.");
    }

    @Test
    void aWrongPasswordIsStillTheGenericMessage() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/login").session(session).param("_csrf", csrf(session))
                        .param("email", "nobody@example.com").param("password", "whatever it is"))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(mvc.perform(get("/login").param("error", "").session(session)).andReturn().getResponse()
                .getContentAsString()).contains("Email or password is wrong").doesNotContain("Too many attempts");
    }

    private String csrf(MockHttpSession session) throws Exception {
        String html = mvc.perform(get("/login").session(session)).andReturn().getResponse().getContentAsString();
        Matcher matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF field on /login").isTrue();
        return matcher.group(1);
    }
}
