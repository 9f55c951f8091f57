package dev.latchkey.dashboard.security;

import dev.latchkey.application.port.in.CheckUserTokenUseCase;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.domain.apikey.TrustedProxies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.Arrays;

/**
 * The dashboard: every path the /v1 chain (order 1) does not take. Sessions, form login, CSRF on.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardSecurityConfiguration {

    private static final String FORWARDED_FOR = "X-Forwarded-For";
    static final String[] PUBLIC_PATHS = {"/", "/login", "/register", "/health", "/error", "/css/**", "/js/**", "/webjars/**",
            "/favicon.ico", "/v3/api-docs/**", "/docs/**", "/swagger-ui/**"};
    /** Third-party pages (Swagger UI) that need inline styles: no strict CSP there. */
    private static final String[] API_DOC_PATHS = {"/v3/api-docs/**", "/docs/**", "/swagger-ui/**"};
    private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Replaces Boot's generated in-memory user: no default password is created or logged. */
    @Bean
    AuthenticationProvider dashboardAuthenticationProvider(LoginUseCase login) {
        return new LoginAuthenticationProvider(login);
    }

    /** Session attribute: the email of the last failed sign-in, shown again in the form (never the password). */
    public static final String LAST_EMAIL = "dev.latchkey.dashboard.LAST_EMAIL";
    /** Session attribute: after a throttled sign-in, the minutes to wait, shown in the form. */
    public static final String RETRY_MINUTES = "dev.latchkey.dashboard.RETRY_MINUTES";

    @Bean
    @Order(2)
    SecurityFilterChain dashboardSecurity(HttpSecurity http, AuthenticationProvider dashboardAuthenticationProvider,
                                          ObjectProvider<TrustedProxies> trustedProxies,
                                          CheckUserTokenUseCase userTokens) throws Exception {
        TrustedProxies proxies = trustedProxies.getIfAvailable(() -> TrustedProxies.NONE);
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        RequestMatcher apiDocs = new OrRequestMatcher(Arrays.stream(API_DOC_PATHS)
                .map(paths::matcher).map(RequestMatcher.class::cast).toList());
        return http
                .authenticationProvider(dashboardAuthenticationProvider)
                .addFilterAfter(new CurrentSessionFilter(userTokens), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .authenticationDetailsSource(request -> new SignInDetails(proxies.clientAddress(
                                request.getRemoteAddr(), request.getHeader(FORWARDED_FOR))))
                        .defaultSuccessUrl("/settings/api-keys", false)
                        .failureHandler(DashboardSecurityConfiguration::signInFailed)
                        .permitAll())
                .logout(logout -> logout
                        .logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .invalidateHttpSession(true)
                        .clearAuthentication(true)
                        .deleteCookies("JSESSIONID")
                        .permitAll())
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(apiDocs),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))))
                .build();
    }

    private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
                                     AuthenticationException failure) throws IOException {
        String email = request.getParameter("email");
        if (email != null && email.length() <= 254) {
            request.getSession().setAttribute(LAST_EMAIL, email);
        }
        if (failure instanceof SignInThrottledException throttled) {
            request.getSession().setAttribute(RETRY_MINUTES, throttled.minutes());
            response.sendRedirect(request.getContextPath() + "/login?throttled");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
