package dev.latchkey.domain.workspace;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class PlansTest {

    private final Plans plans = Plans.defaults();

    @Test
    void theMessageNamesThePlanAndTheUpgradesThatWouldAllowIt() {
        assertThat(plans.feature(Plan.PRO, PlanFeature.IP_ALLOWLISTS).message())
                .isEqualTo("IP allowlists are not available on the pro plan. Upgrade to Scale or Enterprise.");
        assertThat(plans.feature(Plan.FREE, PlanFeature.REQUEST_SIGNING).message()).isEqualTo(
                "Request signing is not available on the free plan. Upgrade to Pro, Scale or Enterprise.");
        assertThat(plans.feature(Plan.FREE, PlanFeature.KILL_SWITCH).message())
                .isEqualTo("The kill switch is not available on the free plan. Upgrade to Scale or Enterprise.");
    }

    @Test
    void eachFeatureIsGatedAsTheTableSays() {
        for (PlanFeature feature : PlanFeature.values()) {
            assertThat(plans.feature(Plan.FREE, feature).allowed()).as(feature.name()).isFalse();
            assertThat(plans.feature(Plan.SCALE, feature).allowed()).as(feature.name()).isTrue();
            assertThat(plans.feature(Plan.ENTERPRISE, feature).allowed()).as(feature.name()).isTrue();
        }
        assertThat(plans.feature(Plan.PRO, PlanFeature.RESTRICTED_KEYS).allowed()).isTrue();
        assertThat(plans.feature(Plan.PRO, PlanFeature.CUSTOM_SCOPES).allowed()).isTrue();
        assertThat(plans.feature(Plan.PRO, PlanFeature.REQUEST_SIGNING).allowed()).isTrue();
        assertThat(plans.feature(Plan.PRO, PlanFeature.KILL_SWITCH).allowed()).isFalse();
        assertThat(plans.feature(Plan.PRO, PlanFeature.IP_ALLOWLISTS).allowed()).isFalse();
        assertThat(plans.feature(Plan.SCALE, PlanFeature.KILL_SWITCH).message()).isNull();
    }

    @Test
    void keyCountsPerEnvironment() {
        assertThat(plans.anotherKey(Plan.FREE, 9).allowed()).isTrue();
        assertThat(plans.anotherKey(Plan.FREE, 10).message())
                .isEqualTo("The free plan allows 10 active keys per environment. Upgrade to Pro, Scale or Enterprise.");
        assertThat(plans.anotherKey(Plan.PRO, 100).message()).endsWith("Upgrade to Scale or Enterprise.");
        assertThat(plans.anotherKey(Plan.SCALE, 10_000).message()).endsWith("Upgrade to Enterprise.");
        assertThat(plans.anotherKey(Plan.ENTERPRISE, 1_000_000).allowed()).isTrue();
    }

    @Test
    void memberCounts() {
        assertThat(plans.anotherMember(Plan.FREE, 2).allowed()).isTrue();
        assertThat(plans.anotherMember(Plan.FREE, 3).message())
                .isEqualTo("The free plan allows 3 members. Upgrade to Pro, Scale or Enterprise.");
        // 150 members fit only on Enterprise, not on Pro (20) or Scale (100)
        assertThat(plans.anotherMember(Plan.FREE, 150).message()).endsWith("Upgrade to Enterprise.");
    }

    @Test
    void aConfiguredTableChangesTheGatesAndTheUpgradeAdvice() {
        Map<Plan, PlanLimits> custom = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            custom.put(plan, PlanLimits.defaultsFor(plan));
        }
        custom.put(Plan.FREE, new PlanLimits(2, 60, 600, 3, Set.of(PlanFeature.IP_ALLOWLISTS), 7));
        custom.put(Plan.SCALE, new PlanLimits(10_000, 6_000, 60_000, 100, Set.of(), 365));
        Plans configured = new Plans(custom);

        assertThat(configured.feature(Plan.FREE, PlanFeature.IP_ALLOWLISTS).allowed()).isTrue();
        assertThat(configured.feature(Plan.PRO, PlanFeature.IP_ALLOWLISTS).message())
                .isEqualTo("IP allowlists are not available on the pro plan. Upgrade to Enterprise.");
        assertThat(configured.anotherKey(Plan.FREE, 2).allowed()).isFalse();
    }

    @Test
    void aTopPlanWithoutTheFeatureSaysSo() {
        Map<Plan, PlanLimits> custom = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            custom.put(plan, new PlanLimits(5, 60, 600, 3, Set.of(), 7));
        }
        assertThat(new Plans(custom).feature(Plan.ENTERPRISE, PlanFeature.WEBHOOKS).message())
                .isEqualTo("Webhooks are not available on the enterprise plan. No plan allows more; ask your operator.");
    }

    @Test
    void everyPlanNeedsItsLimits() {
        assertThatNullPointerException().isThrownBy(() -> new Plans(Map.of(Plan.FREE, PlanLimits.defaultsFor(Plan.FREE))))
                .withMessageContaining("PRO");
    }
}
