package dev.latchkey.app.benchmark;

import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.application.service.usage.UsageBuffer;
import dev.latchkey.web.error.ApiProblems;
import dev.latchkey.web.security.ApiSecurityConfiguration;
import dev.latchkey.web.security.RequestBodyFilter;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.util.unit.DataSize;

import javax.sql.DataSource;

/**
 * Only with {@code --spring.profiles.active=benchmark} (see {@code bench/load}): the unauthenticated counterparts the
 * load run compares the real /v1 endpoints with, under /v1/bench ({@link BenchmarkController}), and the switches it
 * needs. Never enable this profile on a deployment: its endpoints need no credentials.
 * <p>
 * /v1/bench/** gets a filter chain of its own, ahead of the /v1 chain: the same Spring Security filter chain proxy,
 * servlet stack and Jackson, and the same body buffering as /v1, but no credentials, signature or idempotency
 * checks, so that the difference between a /v1 endpoint and its counterpart is what authentication costs.
 */
@Configuration(proxyBeanMethods = false)
@Profile(BenchmarkConfiguration.PROFILE)
public class BenchmarkConfiguration {

    public static final String PROFILE = "benchmark";

    @Bean
    @Order(0)
    SecurityFilterChain benchmarkSecurity(HttpSecurity http, ApiProblems problems, Environment environment)
            throws Exception {
        long maxBody = Binder.get(environment).bind(ApiSecurityConfiguration.MAX_BODY_PROPERTY, DataSize.class)
                .orElse(DataSize.ofMegabytes(1)).toBytes();
        return http
                .securityMatcher("/v1/bench/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new RequestBodyFilter(maxBody, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .build();
    }

    /** Wins over the usage buffer wherever a {@link UsageRecorder} is injected; the buffer itself stays as it is. */
    @Bean
    @Primary
    SwitchableUsageRecorder switchableUsageRecorder(UsageBuffer buffer) {
        return new SwitchableUsageRecorder(buffer);
    }

    @Bean(initMethod = "prepare")
    StatementCounter statementCounter(DataSource dataSource) {
        return new StatementCounter(dataSource);
    }
}
