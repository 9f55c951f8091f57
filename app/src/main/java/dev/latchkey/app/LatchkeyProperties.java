package dev.latchkey.app;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code latchkey.*} settings. Each also reads from its environment variable by Spring's relaxed binding,
 * e.g. {@code latchkey.auth.jwt-secret} from {@code LATCHKEY_AUTH_JWTSECRET} or {@code LATCHKEY_AUTH_JWT_SECRET}.
 *
 * @param dataDir   where generated secrets (and, by default, the embedded database) are kept
 * @param masterKey {@code latchkey.master-key} ({@code LATCHKEY_MASTER_KEY}): base64 of 32 random bytes (e.g.
 *                  {@code openssl rand -base64 32}) sealing secrets at rest with AES-256-GCM; when empty, one is
 *                  generated into {@code <data-dir>/master-key} and kept there. Set it (the same on every node, and
 *                  backed up) in production: without it, sealed secrets cannot be opened.
 * @param environment {@code live}, {@code test} or {@code both}: the environments this deployment serves; a
 *                  credential of another environment gets 401 {@code auth_environment}
 * @param trustedProxies addresses or CIDR blocks of the load balancers and reverse proxies in front of Latchkey:
 *                  only a request from one of them may tell the client's address in {@code X-Forwarded-For}
 *                  (empty: the client is always the direct peer)
 */
@ConfigurationProperties("latchkey")
public record LatchkeyProperties(
        @DefaultValue("latchkey-data") Path dataDir,
        @DefaultValue Auth auth,
        @DefaultValue EmbeddedPostgres embeddedPostgres,
        String masterKey,
        @DefaultValue("both") String environment,
        @DefaultValue Usage usage,
        @DefaultValue RateLimits rateLimits,
        @DefaultValue KeyCache keyCache,
        List<String> trustedProxies) {

    public LatchkeyProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
    }

    @Override
    public String toString() {
        return "LatchkeyProperties[dataDir=" + dataDir + ", auth=" + auth + ", embeddedPostgres=" + embeddedPostgres
                + ", masterKey=" + (masterKey == null || masterKey.isEmpty() ? "unset" : "redacted")
                + ", environment=" + environment + ", usage=" + usage + ", rateLimits=" + rateLimits
                + ", keyCache=" + keyCache + ", trustedProxies=" + trustedProxies + "]";
    }

    /**
     * @param flushInterval how often key uses gathered in memory (last used, request counts) are written; at most
     *                      60 s, which bounds how stale {@code lastUsedAt} is; also written at shutdown
     */
    public record Usage(@DefaultValue("10s") Duration flushInterval) {
        public Usage {
            if (flushInterval.isNegative() || flushInterval.isZero()
                    || flushInterval.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("latchkey.usage.flush-interval must be more than 0 and at most "
                        + "60 s, so that last-used times are at most a minute stale");
            }
        }
    }

    /**
     * The cache of key lookups on each node. Changes reach every node's cache through PostgreSQL (LISTEN/NOTIFY)
     * within milliseconds; {@code ttl} only bounds how long an entry could outlive a change announced in some way
     * that was lost.
     *
     * @param ttl         how long a looked-up key (or "no such key") is kept at most
     * @param maximumKeys how many keys (and unknown keys) each node keeps at most
     * @param checkEvery  how often a quiet listening connection is checked, so that a lost one is noticed
     */
    public record KeyCache(@DefaultValue("60s") Duration ttl, @DefaultValue("100000") long maximumKeys,
                           @DefaultValue("5s") Duration checkEvery) {
        public KeyCache {
            if (ttl.isNegative() || ttl.isZero() || maximumKeys <= 0 || checkEvery.isNegative() || checkEvery.isZero()
                    || checkEvery.compareTo(Duration.ofSeconds(60)) > 0) {
                throw new IllegalArgumentException("latchkey.key-cache.ttl and .maximum-keys must be positive, "
                        + "and .check-every more than 0 and at most 60 s");
            }
        }
    }

    /** @param userRequestsPerMinute the rate limit of each user token on /v1 (keys have their own) */
    public record RateLimits(@DefaultValue("600") int userRequestsPerMinute) {
        public RateLimits {
            if (userRequestsPerMinute <= 0) {
                throw new IllegalArgumentException("latchkey.rate-limits.user-requests-per-minute must be positive");
            }
        }
    }

    /**
     * @param jwtSecret signs dashboard-user JWTs (at least 32 bytes); when empty, one is generated into the
     *                  data folder and kept there
     * @param tokenTtl  how long a JWT from login or register is valid
     */
    public record Auth(String jwtSecret, @DefaultValue("24h") Duration tokenTtl) {
        @Override
        public String toString() {
            return "Auth[jwtSecret=" + (jwtSecret == null || jwtSecret.isEmpty() ? "unset" : "redacted")
                    + ", tokenTtl=" + tokenTtl + "]";
        }
    }

    /**
     * Used only when no {@code spring.datasource.url} is configured.
     *
     * @param dataDir where PostgreSQL keeps its files; empty means {@code <latchkey.data-dir>/postgres}
     * @param port    0 picks a free port at every start
     */
    public record EmbeddedPostgres(Path dataDir, @DefaultValue("0") int port) {
    }

    public Path embeddedPostgresDataDir() {
        return embeddedPostgres.dataDir() != null ? embeddedPostgres.dataDir() : dataDir.resolve("postgres");
    }
}
