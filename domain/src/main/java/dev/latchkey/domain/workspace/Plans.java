package dev.latchkey.domain.workspace;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The plan table of a deployment, and its gates: each gate answers with a {@link Gate} decision, worded for the user
 * with the plans that would allow the action ("IP allowlists are not available on the pro plan. Upgrade to Scale or
 * Enterprise."). A downgrade deletes nothing: gates only stop new actions.
 */
public final class Plans {

    private final Map<Plan, PlanLimits> limits;

    public Plans(Map<Plan, PlanLimits> limits) {
        EnumMap<Plan, PlanLimits> all = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            all.put(plan, Objects.requireNonNull(limits.get(plan), () -> "no limits for the " + plan + " plan"));
        }
        this.limits = all;
    }

    public static Plans defaults() {
        EnumMap<Plan, PlanLimits> all = new EnumMap<>(Plan.class);
        for (Plan plan : Plan.values()) {
            all.put(plan, PlanLimits.defaultsFor(plan));
        }
        return new Plans(all);
    }

    public PlanLimits of(Plan plan) {
        return limits.get(plan);
    }

    /** Whether {@code plan} includes {@code feature}. */
    public Gate feature(Plan plan, PlanFeature feature) {
        if (of(plan).includes(feature)) {
            return Gate.ALLOWED;
        }
        return denied(plan, feature.title() + (feature.isPlural() ? " are" : " is") + " not available on the "
                + name(plan) + " plan.", candidate -> of(candidate).includes(feature));
    }

    /** Whether one more key fits in an environment that holds {@code held} usable keys. */
    public Gate anotherKey(Plan plan, long held) {
        int limit = of(plan).keysPerEnvironment();
        if (PlanLimits.allows(limit, held)) {
            return Gate.ALLOWED;
        }
        return denied(plan, "The " + name(plan) + " plan allows " + limit + " active keys per environment.",
                candidate -> PlanLimits.allows(of(candidate).keysPerEnvironment(), held));
    }

    /** Whether one more member (or pending invitation) fits in a workspace that holds {@code held}. */
    public Gate anotherMember(Plan plan, long held) {
        int limit = of(plan).members();
        if (PlanLimits.allows(limit, held)) {
            return Gate.ALLOWED;
        }
        return denied(plan, "The " + name(plan) + " plan allows " + limit + " members.",
                candidate -> PlanLimits.allows(of(candidate).members(), held));
    }

    private Gate denied(Plan plan, String reason, java.util.function.Predicate<Plan> allows) {
        List<String> upgrades = java.util.Arrays.stream(Plan.values())
                .filter(candidate -> candidate.ordinal() > plan.ordinal() && allows.test(candidate))
                .map(candidate -> capitalized(name(candidate)))
                .toList();
        String upgrade = switch (upgrades.size()) {
            case 0 -> " No plan allows more; ask your operator.";
            case 1 -> " Upgrade to " + upgrades.getFirst() + ".";
            default -> " Upgrade to " + String.join(", ", upgrades.subList(0, upgrades.size() - 1)) + " or "
                    + upgrades.getLast() + ".";
        };
        return new Gate(false, reason + upgrade);
    }

    private static String name(Plan plan) {
        return plan.name().toLowerCase(Locale.ROOT);
    }

    private static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** A gate's answer: allowed, or denied with the message for the user. */
    public record Gate(boolean allowed, String message) {

        public static final Gate ALLOWED = new Gate(true, null);
    }
}
