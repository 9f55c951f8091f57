package dev.latchkey.web.security;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.CheckRequestSignatureUseCase;
import dev.latchkey.application.port.in.IdempotencyUseCase;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.domain.apikey.TrustedProxies;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.web.error.ApiProblems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.util.Set;

/**
 * The /v1 API: stateless, no sessions or CSRF; API keys and user JWTs; problem+json for every refusal.
 * Before Spring Security's authorization, in this order: the body is buffered (and refused over
 * {@value #MAX_BODY_PROPERTY}, default 1 MiB), the credentials are authenticated (rate limit headers, 429), the
 * signature is checked, and an {@code Idempotency-Key} is honoured.
 */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    static final String REGISTER = "/v1/auth/register";
    static final String LOGIN = "/v1/auth/login";
    public static final String MAX_BODY_PROPERTY = "latchkey.api.max-body-bytes";
    /** 1 MiB (Spring's MB is 1024 * 1024 bytes). */
    static final DataSize DEFAULT_MAX_BODY = DataSize.ofMegabytes(1);

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticateApiKeyUseCase apiKeys,
                                    ResolveUserCallerUseCase users, CheckRequestSignatureUseCase signatures,
                                    IdempotencyUseCase idempotency, JwtTokens tokens, ApiProblems problems,
                                    Clock clock, Environment environment, ObjectProvider<TrustedProxies> proxies)
            throws Exception {
        long maxBody = Binder.get(environment).bind(MAX_BODY_PROPERTY, DataSize.class)
                .orElse(DEFAULT_MAX_BODY).toBytes();
        ApiCredentialFilter credentials = new ApiCredentialFilter(apiKeys, users, tokens, problems,
                Set.of(REGISTER, LOGIN), clock, proxies.getIfAvailable(() -> TrustedProxies.NONE));
        return http
                .securityMatcher("/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                // each is placed just before the next, so they run in the order body, credentials, signature,
                // idempotency, and all before the authorization filter
                .addFilterBefore(new IdempotencyFilter(idempotency, problems), AuthorizationFilter.class)
                .addFilterBefore(new RequestSignatureFilter(signatures, problems), IdempotencyFilter.class)
                .addFilterBefore(credentials, RequestSignatureFilter.class)
                .addFilterBefore(new RequestBodyFilter(maxBody, problems), ApiCredentialFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, REGISTER, LOGIN).permitAll()
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problems.write(response,
                                problems.problem(ErrorCode.AUTH_MISSING,
                                        "missing or malformed Authorization header")))
                        .accessDeniedHandler((request, response, e) -> problems.write(response,
                                problems.problem(ErrorCode.ROLE_FORBIDDEN, "you are not allowed to do this"))))
                .build();
    }

    /** Requests Spring Security's firewall rejects (e.g. {@code //} or {@code ;} in the path): problem+json on /v1. */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiProblems problems) {
        RequestRejectedHandler others = new HttpStatusRequestRejectedHandler();
        return (request, response, rejected) -> {
            if (request.getRequestURI().startsWith("/v1/")) {
                problems.write(response, problems.problem(ErrorCode.BAD_REQUEST, "the request URL is not acceptable"));
            } else {
                others.handle(request, response, rejected);
            }
        };
    }
}
