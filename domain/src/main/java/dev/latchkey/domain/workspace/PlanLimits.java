package dev.latchkey.domain.workspace;

/**
 * The limits of one plan. {@code -1} means unlimited. Defaults are the table of PRODUCT.md §10;
 * deployments override them through configuration.
 */
public record PlanLimits(int keysPerEnvironment, int defaultRateLimitPerMinute, int maxRateLimitPerMinute,
                         int members) {

    public static final int UNLIMITED = -1;

    public static PlanLimits defaultsFor(Plan plan) {
        return switch (plan) {
            case FREE -> new PlanLimits(10, 60, 600, 3);
            case PRO -> new PlanLimits(100, 600, 6_000, 20);
            case SCALE -> new PlanLimits(10_000, 6_000, 60_000, 100);
            case ENTERPRISE -> new PlanLimits(UNLIMITED, 60_000, UNLIMITED, UNLIMITED);
        };
    }
}
