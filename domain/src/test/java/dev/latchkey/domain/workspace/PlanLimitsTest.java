package dev.latchkey.domain.workspace;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The defaults of the table in PRODUCT.md §10. */
class PlanLimitsTest {

    @Test
    void plansAreTheFourOfTheContract() {
        assertThat(Arrays.stream(Plan.values()).map(Plan::name))
                .containsExactly("FREE", "PRO", "SCALE", "ENTERPRISE");
    }

    @Test
    void free() {
        assertThat(PlanLimits.defaultsFor(Plan.FREE)).isEqualTo(new PlanLimits(10, 60, 600, 3, Set.of(), 7));
    }

    @Test
    void pro() {
        assertThat(PlanLimits.defaultsFor(Plan.PRO)).isEqualTo(new PlanLimits(100, 600, 6_000, 20, EnumSet.of(PlanFeature.RESTRICTED_KEYS,
                PlanFeature.CUSTOM_SCOPES, PlanFeature.REQUEST_SIGNING, PlanFeature.WEBHOOKS), 30));
    }

    @Test
    void scale() {
        assertThat(PlanLimits.defaultsFor(Plan.SCALE)).isEqualTo(new PlanLimits(10_000, 6_000, 60_000, 100,
                EnumSet.allOf(PlanFeature.class), 365));
    }

    @Test
    void enterpriseIsUnlimitedExceptItsDefaultRateLimit() {
        PlanLimits enterprise = PlanLimits.defaultsFor(Plan.ENTERPRISE);

        assertThat(enterprise.keysPerEnvironment()).isEqualTo(PlanLimits.UNLIMITED);
        assertThat(enterprise.defaultRateLimitPerMinute()).isEqualTo(60_000);
        assertThat(enterprise.maxRateLimitPerMinute()).isEqualTo(PlanLimits.UNLIMITED);
        assertThat(enterprise.members()).isEqualTo(PlanLimits.UNLIMITED);
        assertThat(enterprise.auditRetentionDays()).isEqualTo(PlanLimits.UNLIMITED);
        assertThat(enterprise.features()).containsExactlyInAnyOrder(PlanFeature.values());
        assertThat(PlanLimits.UNLIMITED).isNegative();
    }

    @Test
    void aDefaultAboveTheMaximumOrANoughtCountIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PlanLimits(10, 601, 600, 3, Set.of(), 7));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlanLimits(0, 60, 600, 3, Set.of(), 7));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlanLimits(10, 60, 600, -2, Set.of(), 7));
        assertThatIllegalArgumentException().isThrownBy(() -> new PlanLimits(10, 0, 600, 3, Set.of(), 7));
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
