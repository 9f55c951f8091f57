package dev.latchkey.dashboard.plan;

import dev.latchkey.application.port.in.GetPlanOverviewUseCase.PlanOverview;
import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.PlanLimits;
import dev.latchkey.domain.workspace.Plans;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The plan page's figures as shown: counts with thousands separators, {@code -1} as "Unlimited". */
public record PlanView(String plan, String keysPerEnvironment, long keysInEnvironment, String members, long membersHeld,
                       String defaultRateLimit, String maxRateLimit, String auditRetention,
                       Plans.Gate anotherKey, Plans.Gate anotherMember, List<Feature> features) {

    static final String UNLIMITED = "Unlimited";

    private static final Map<PlanFeature, String> DESCRIPTIONS = new EnumMap<>(Map.of(
            PlanFeature.RESTRICTED_KEYS, "Keys limited to an explicit list of scopes (rk_).",
            PlanFeature.CUSTOM_SCOPES, "Your product's own scopes, checked by the verify API.",
            PlanFeature.REQUEST_SIGNING, "Secret keys that must sign each request with HMAC-SHA256.",
            PlanFeature.WEBHOOKS, "Signed notifications of key and member changes to your endpoints.",
            PlanFeature.IP_ALLOWLISTS, "Keys that only work from the addresses you list.",
            PlanFeature.KILL_SWITCH, "Owners stop every live key of the workspace at once."));

    /** One gated feature: included, or not with the gate's upgrade message. */
    public record Feature(String code, String name, String description, boolean included, String upgradeMessage) {
    }

    static PlanView of(PlanOverview overview) {
        PlanLimits limits = overview.limits();
        List<Feature> features = Arrays.stream(PlanFeature.values()).map(feature -> {
            Plans.Gate gate = overview.feature(feature);
            return new Feature(feature.name().toLowerCase(Locale.ROOT).replace('_', '-'), name(feature),
                    DESCRIPTIONS.get(feature), gate.allowed(), gate.message());
        }).toList();
        return new PlanView(overview.workspace().plan().name(), count(limits.keysPerEnvironment()),
                overview.keysInEnvironment(), count(limits.members()), overview.members(),
                perMinute(limits.defaultRateLimitPerMinute()), perMinute(limits.maxRateLimitPerMinute()),
                limits.auditRetentionDays() == PlanLimits.UNLIMITED ? UNLIMITED
                        : count(limits.auditRetentionDays()) + (limits.auditRetentionDays() == 1 ? " day" : " days"),
                overview.anotherKey(), overview.anotherMember(), features);
    }

    private static String count(int value) {
        return value == PlanLimits.UNLIMITED ? UNLIMITED : String.format(Locale.ROOT, "%,d", value);
    }

    private static String perMinute(int value) {
        return value == PlanLimits.UNLIMITED ? UNLIMITED : count(value) + " requests/min";
    }

    /** "The kill switch" reads well in a sentence; a list names it "Kill switch". */
    private static String name(PlanFeature feature) {
        String title = feature.title().startsWith("The ") ? feature.title().substring(4) : feature.title();
        return Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }
}
