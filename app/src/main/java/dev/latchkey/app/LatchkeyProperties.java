package dev.latchkey.app;

import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.PlanLimits;
import dev.latchkey.domain.workspace.Plans;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

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
 * @param plans     overrides of the plan table (PRODUCT.md §10), per plan
 * @param operators emails of the deployment's operators: the only users who may set a workspace's plan
 * @param login     sign-in throttling ({@code latchkey.login.*}): failed attempts allowed per account and per client
 *                  address within a window, counted in each node's memory
 * @param publicUrl the address users reach this deployment at ({@code https://latchkey.example.com}): the base of
 *                  the links it sends (invitations)
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
        List<String> trustedProxies,
        Map<Plan, PlanSettings> plans,
        List<String> operators,
        @DefaultValue AccountProtectionConfiguration.Login login,
        @DefaultValue("http://localhost:8080") String publicUrl) {

    public LatchkeyProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        plans = plans == null ? Map.of() : Map.copyOf(plans);
        operators = operators == null ? List.of() : List.copyOf(operators);
    }

    /**
     * One plan's limits ({@code latchkey.plans.<free|pro|scale|enterprise>.*}); what is not set keeps the default of
     * PRODUCT.md §10. Counts and days take {@code -1} for unlimited.
     */
    public record PlanSettings(Integer keysPerEnvironment, Integer defaultRateLimit, Integer maxRateLimit,
                               Integer members, Boolean restrictedKeys, Boolean customScopes, Boolean requestSigning,
                               Boolean webhooks, Boolean ipAllowlists, Boolean killSwitch,
                               Integer auditRetentionDays) {

        PlanLimits over(PlanLimits defaults) {
            EnumSet<PlanFeature> features = defaults.features().isEmpty() ? EnumSet.noneOf(PlanFeature.class)
                    : EnumSet.copyOf(defaults.features());
            set(features, PlanFeature.RESTRICTED_KEYS, restrictedKeys);
            set(features, PlanFeature.CUSTOM_SCOPES, customScopes);
            set(features, PlanFeature.REQUEST_SIGNING, requestSigning);
            set(features, PlanFeature.WEBHOOKS, webhooks);
            set(features, PlanFeature.IP_ALLOWLISTS, ipAllowlists);
            set(features, PlanFeature.KILL_SWITCH, killSwitch);
            return new PlanLimits(or(keysPerEnvironment, defaults.keysPerEnvironment()),
                    or(defaultRateLimit, defaults.defaultRateLimitPerMinute()),
                    or(maxRateLimit, defaults.maxRateLimitPerMinute()), or(members, defaults.members()), features,
                    or(auditRetentionDays, defaults.auditRetentionDays()));
        }

        private static int or(Integer value, int fallback) {
            return value == null ? fallback : value;
        }

        private static void set(EnumSet<PlanFeature> features, PlanFeature feature, Boolean included) {
            if (Boolean.TRUE.equals(included)) {
                features.add(feature);
            } else if (Boolean.FALSE.equals(included)) {
                features.remove(feature);
            }
        }
    }

    /** The deployment's plan table: the defaults with what {@code latchkey.plans.*} sets. */
    public Plans planTable() {
        Map<Plan, PlanLimits> table = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            PlanSettings settings = plans.get(plan);
            try {
                table.put(plan, settings == null ? PlanLimits.defaultsFor(plan)
                        : settings.over(PlanLimits.defaultsFor(plan)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("latchkey.plans." + plan.name().toLowerCase(java.util.Locale.ROOT)
                        + ": " + e.getMessage(), e);
            }
        }
        return new Plans(table);
    }

    @Override
    public String toString() {
        return "LatchkeyProperties[dataDir=" + dataDir + ", auth=" + auth + ", embeddedPostgres=" + embeddedPostgres
                + ", masterKey=" + (masterKey == null || masterKey.isEmpty() ? "unset" : "redacted")
                + ", environment=" + environment + ", usage=" + usage + ", rateLimits=" + rateLimits
                + ", keyCache=" + keyCache + ", trustedProxies=" + trustedProxies + ", plans=" + plans
                + ", operators=" + operators + ", login=" + login + ", publicUrl=" + publicUrl + "]";
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
     * @param dataDir      where PostgreSQL keeps its files; empty means {@code <latchkey.data-dir>/postgres}
     * @param port         0 picks a free port at every start
     * @param serverConfig further PostgreSQL settings given to the server at start, by their PostgreSQL names (in
     *                     YAML, keys with {@code _} or {@code .} in brackets: {@code "[shared_preload_libraries]"})
     */
    public record EmbeddedPostgres(Path dataDir, @DefaultValue("0") int port, Map<String, String> serverConfig) {
        public EmbeddedPostgres {
            serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
        }
    }

    public Path embeddedPostgresDataDir() {
        return embeddedPostgres.dataDir() != null ? embeddedPostgres.dataDir() : dataDir.resolve("postgres");
    }
}
