package dev.latchkey.application.service.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetPlanOverviewUseCase;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/** The plan overview from the deployment's plan table and the workspace's counts, read with the same gates. */
public final class PlanOverviewService implements GetPlanOverviewUseCase {

    private final GetWorkspaceUseCase workspace;
    private final WorkspaceRepository workspaces;
    private final ApiKeyRepository keys;
    private final InvitationRepository invitations;
    private final Plans plans;
    private final Clock clock;

    public PlanOverviewService(GetWorkspaceUseCase workspace, WorkspaceRepository workspaces, ApiKeyRepository keys,
                               InvitationRepository invitations, Plans plans, Clock clock) {
        this.workspace = workspace;
        this.workspaces = workspaces;
        this.keys = keys;
        this.invitations = invitations;
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    public PlanOverview overview(Caller caller) {
        Workspace current = workspace.get(caller); // the read rule and not_found of the workspace itself
        Instant now = clock.instant();
        long held = keys.countUsable(current.id(), caller.environment(), now);
        long members = workspaces.countMembers(current.id()) + invitations.countPending(current.id(), now);
        Map<PlanFeature, Plans.Gate> features = new EnumMap<>(PlanFeature.class);
        for (PlanFeature feature : PlanFeature.values()) {
            features.put(feature, plans.feature(current.plan(), feature));
        }
        return new PlanOverview(current, plans.of(current.plan()), held, members, features,
                plans.anotherKey(current.plan(), held), plans.anotherMember(current.plan(), members));
    }
}
