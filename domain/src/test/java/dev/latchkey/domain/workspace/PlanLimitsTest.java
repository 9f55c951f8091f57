package dev.latchkey.domain.workspace;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The defaults of the table in PRODUCT.md §10. */
class PlanLimitsTest {

    @Test
    void plansAreTheFourOfTheContract() {
        assertThat(Arrays.stream(Plan.values()).map(Plan::name))
                .containsExactly("FREE", "PRO", "SCALE", "ENTERPRISE");
    }

    @Test
    void free() {
        assertThat(PlanLimits.defaultsFor(Plan.FREE)).isEqualTo(new PlanLimits(10, 60, 600, 3));
    }

    @Test
    void pro() {
        assertThat(PlanLimits.defaultsFor(Plan.PRO)).isEqualTo(new PlanLimits(100, 600, 6_000, 20));
    }

    @Test
    void scale() {
        assertThat(PlanLimits.defaultsFor(Plan.SCALE)).isEqualTo(new PlanLimits(10_000, 6_000, 60_000, 100));
    }

    @Test
    void enterpriseIsUnlimitedExceptItsDefaultRateLimit() {
        PlanLimits enterprise = PlanLimits.defaultsFor(Plan.ENTERPRISE);

        assertThat(enterprise.keysPerEnvironment()).isEqualTo(PlanLimits.UNLIMITED);
        assertThat(enterprise.defaultRateLimitPerMinute()).isEqualTo(60_000);
        assertThat(enterprise.maxRateLimitPerMinute()).isEqualTo(PlanLimits.UNLIMITED);
        assertThat(enterprise.members()).isEqualTo(PlanLimits.UNLIMITED);
        assertThat(PlanLimits.UNLIMITED).isNegative();
    }

    @Test
    void everyDefaultRateLimitIsWithinItsMaximum() {
        for (Plan plan : Plan.values()) {
            PlanLimits limits = PlanLimits.defaultsFor(plan);
            if (limits.maxRateLimitPerMinute() != PlanLimits.UNLIMITED) {
                assertThat(limits.defaultRateLimitPerMinute()).as(plan.name())
                        .isPositive().isLessThanOrEqualTo(limits.maxRateLimitPerMinute());
            }
        }
    }
}
