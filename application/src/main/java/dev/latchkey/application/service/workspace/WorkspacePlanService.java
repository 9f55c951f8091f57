package dev.latchkey.application.service.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ChangePlanUseCase;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class WorkspacePlanService implements ChangePlanUseCase {

    private final WorkspaceRepository workspaces;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Set<String> operators;

    /** {@code operators}: the emails of the deployment's operators (compared as emails are stored). */
    public WorkspacePlanService(WorkspaceRepository workspaces, Transactions transactions, AuditTrail audit,
                                Set<Email> operators) {
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.audit = audit;
        this.operators = operators.stream().map(Email::value).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    @Override
    public Workspace changePlan(Caller.UserCaller caller, Optional<WorkspaceId> workspaceId, Plan plan) {
        if (caller.email() == null || !operators.contains(caller.email())) {
            throw new DomainException(ErrorCode.ROLE_FORBIDDEN,
                    "only an operator of this deployment may change a workspace's plan");
        }
        WorkspaceId target = workspaceId.orElse(caller.workspaceId());
        return transactions.inTransaction(() -> {
            Workspace workspace = workspaces.findByIdForUpdate(target)
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "workspace not found"));
            if (workspace.plan() == plan) {
                return workspace;
            }
            workspaces.updatePlan(target, plan);
            audit.record(target, caller.actor(), caller.clientAddress(), AuditAction.PLAN_CHANGED, null,
                    new AuditTarget("workspace", target.value()), Map.of("from", workspace.plan().name(),
                            "to", plan.name()));
            return new Workspace(workspace.id(), workspace.name(), plan, workspace.createdAt());
        });
    }
}
