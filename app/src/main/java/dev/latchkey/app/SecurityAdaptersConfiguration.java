package dev.latchkey.app;

import dev.latchkey.app.security.AesGcmSecretSealer;
import dev.latchkey.app.security.Bucket4jRateLimiter;
import dev.latchkey.application.port.out.RateLimiter;
import dev.latchkey.application.port.out.SecretSealer;
import dev.latchkey.domain.apikey.TrustedProxies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;

/** The in-process security adapters: sealing secrets at rest and per-caller rate limits. */
@Configuration(proxyBeanMethods = false)
public class SecurityAdaptersConfiguration {

    @Bean
    SecretSealer secretSealer(LatchkeyProperties properties, SecureRandom random) {
        byte[] masterKey = SecretsConfiguration.masterKey(properties, random);
        try {
            return new AesGcmSecretSealer(masterKey, random);
        } finally {
            Arrays.fill(masterKey, (byte) 0);
        }
    }

    /** Refuses to start on an entry that is not an address or CIDR block (rather than trusting less than meant). */
    @Bean
    TrustedProxies trustedProxies(LatchkeyProperties properties) {
        try {
            return TrustedProxies.of(properties.trustedProxies());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("latchkey.trusted-proxies: " + e.getMessage(), e);
        }
    }

    @Bean
    RateLimiter rateLimiter(Clock clock) {
        return new Bucket4jRateLimiter(clock);
    }
}
