package dev.latchkey.web.security;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.web.error.ApiProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.Set;

/** The /v1 API: stateless, no sessions or CSRF; API keys and user JWTs; problem+json for every refusal. */
@Configuration(proxyBeanMethods = false)
public class ApiSecurityConfiguration {

    static final String REGISTER = "/v1/auth/register";
    static final String LOGIN = "/v1/auth/login";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, AuthenticateApiKeyUseCase apiKeys,
                                    ResolveUserCallerUseCase users, JwtTokens tokens, ApiProblems problems)
            throws Exception {
        ApiCredentialFilter credentials = new ApiCredentialFilter(apiKeys, users, tokens, problems,
                Set.of(REGISTER, LOGIN));
        return http
                .securityMatcher("/v1/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(credentials, AuthorizationFilter.class)
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
