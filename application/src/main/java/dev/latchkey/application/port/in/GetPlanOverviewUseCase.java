package dev.latchkey.application.port.in;

import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.PlanLimits;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Workspace;

import java.util.Map;

/**
 * The caller's workspace's plan as a dashboard shows it (any member, or a key with {@code workspace:read}): its limits,
 * how much of them is used, and the decision of every gate, so that a gated control can be shown disabled with the
 * same upgrade message the action itself would get.
 */
public interface GetPlanOverviewUseCase {

    PlanOverview overview(Caller caller);

    /**
     * {@code keysInEnvironment}: usable keys of the caller's environment; {@code members}: members plus pending
     * invitations (what the member limit counts).
     */
    record PlanOverview(Workspace workspace, PlanLimits limits, long keysInEnvironment, long members,
                        Map<PlanFeature, Plans.Gate> features, Plans.Gate anotherKey, Plans.Gate anotherMember) {

        public PlanOverview {
            features = Map.copyOf(features);
        }

        public Plans.Gate feature(PlanFeature feature) {
            return features.get(feature);
        }
    }
}
