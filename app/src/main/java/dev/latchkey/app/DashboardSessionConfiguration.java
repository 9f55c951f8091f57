package dev.latchkey.app;

import jakarta.servlet.SessionCookieConfig;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dashboard's session cookie: {@code HttpOnly} and {@code SameSite=Lax} always (application.yaml), and
 * {@code Secure} when users reach this deployment over HTTPS ({@code latchkey.public-url} is https), even when a proxy
 * in front terminates TLS and the app itself sees plain HTTP. Tomcat also marks it {@code Secure} on any request that
 * arrives over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSessionConfiguration {

    @Bean
    ServletContextInitializer secureSessionCookie(LatchkeyProperties properties) {
        return secureSessionCookie(properties.publicUrl());
    }

    static ServletContextInitializer secureSessionCookie(String publicUrl) {
        boolean https = "https".equalsIgnoreCase(TenancyConfiguration.publicUrl(publicUrl).getScheme());
        return servletContext -> {
            if (https) {
                SessionCookieConfig cookie = servletContext.getSessionCookieConfig();
                cookie.setSecure(true);
            }
        };
    }
}
