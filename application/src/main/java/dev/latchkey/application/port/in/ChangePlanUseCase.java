package dev.latchkey.application.port.in;

import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.Optional;

/**
 * Setting a workspace's plan: only operators (the deployment's {@code latchkey.operators}) may, for the caller's
 * workspace or any other one named. A downgrade deletes nothing; it only stops new gated actions.
 */
public interface ChangePlanUseCase {

    Workspace changePlan(Caller.UserCaller operator, Optional<WorkspaceId> workspaceId, Plan plan);
}
