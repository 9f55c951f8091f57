package dev.latchkey.domain.workspace;

import java.util.EnumSet;
import java.util.Set;

/**
 * What one plan allows: counts ({@code -1} means unlimited), rate limits, the gated features it includes and how long
 * its audit log is kept. Defaults are the table of PRODUCT.md §10; deployments override them through configuration
 * ({@code latchkey.plans.*}).
 */
public record PlanLimits(int keysPerEnvironment, int defaultRateLimitPerMinute, int maxRateLimitPerMinute,
                         int members, Set<PlanFeature> features, int auditRetentionDays) {

    public static final int UNLIMITED = -1;

    public PlanLimits {
        features = features.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(features));
        for (int count : new int[]{keysPerEnvironment, maxRateLimitPerMinute, members, auditRetentionDays}) {
            if (count < UNLIMITED || count == 0) {
                throw new IllegalArgumentException("a plan's counts are positive, or -1 for unlimited");
            }
        }
        if (defaultRateLimitPerMinute <= 0 || (maxRateLimitPerMinute != UNLIMITED
                && defaultRateLimitPerMinute > maxRateLimitPerMinute)) {
            throw new IllegalArgumentException("a plan's default rate limit is positive and at most its maximum");
        }
    }

    public static PlanLimits defaultsFor(Plan plan) {
        return switch (plan) {
            case FREE -> new PlanLimits(10, 60, 600, 3, Set.of(), 7);
            case PRO -> new PlanLimits(100, 600, 6_000, 20, EnumSet.of(PlanFeature.RESTRICTED_KEYS,
                    PlanFeature.CUSTOM_SCOPES, PlanFeature.REQUEST_SIGNING, PlanFeature.WEBHOOKS), 30);
            case SCALE -> new PlanLimits(10_000, 6_000, 60_000, 100, EnumSet.allOf(PlanFeature.class), 365);
            case ENTERPRISE -> new PlanLimits(UNLIMITED, 60_000, UNLIMITED, UNLIMITED,
                    EnumSet.allOf(PlanFeature.class), UNLIMITED);
        };
    }

    public boolean includes(PlanFeature feature) {
        return features.contains(feature);
    }

    /** Whether one more of something limited to {@code limit} fits after {@code held}. */
    static boolean allows(int limit, long held) {
        return limit == UNLIMITED || held < limit;
    }
}
