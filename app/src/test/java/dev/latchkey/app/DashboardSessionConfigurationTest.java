package dev.latchkey.app;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockServletContext;

import static org.assertj.core.api.Assertions.assertThat;

class DashboardSessionConfigurationTest {

    private static boolean secureWith(String publicUrl) throws Exception {
        MockServletContext context = new MockServletContext();
        DashboardSessionConfiguration.secureSessionCookie(publicUrl).onStartup(context);
        return context.getSessionCookieConfig().isSecure();
    }

    @Test
    void theCookieIsSecureWhenUsersComeOverHttps() throws Exception {
        assertThat(secureWith("https://latchkey.example.com")).isTrue();
        assertThat(secureWith("http://localhost:8080")).isFalse();
    }
}
