package dev.latchkey.application.service.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.LockWorkspaceUseCase;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * The kill switch. Each change takes the workspace's row lock first, so that a lock and an unlock of one workspace
 * (on any nodes) happen one after the other, and is recorded in the audit log in its own transaction. The lock
 * repository announces the change to every node when the transaction commits.
 */
public final class WorkspaceLockService implements LockWorkspaceUseCase {

    private final WorkspaceRepository workspaces;
    private final WorkspaceLockRepository locks;
    private final Transactions transactions;
    private final Plans plans;
    private final AuditTrail audit;
    private final Clock clock;

    public WorkspaceLockService(WorkspaceRepository workspaces, WorkspaceLockRepository locks,
                                Transactions transactions, Plans plans, AuditTrail audit, Clock clock) {
        this.workspaces = workspaces;
        this.locks = locks;
        this.transactions = transactions;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public WorkspaceLock lock(Caller.UserCaller caller) {
        requireOwner(caller, "lock");
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Workspace workspace = lockedRow(caller);
            Plans.Gate gate = plans.feature(workspace.plan(), PlanFeature.KILL_SWITCH);
            if (!gate.allowed()) {
                throw new DomainException(ErrorCode.PLAN_REQUIRED, gate.message());
            }
            if (locks.lock(workspace.id(), now)) {
                audit.record(caller, AuditAction.WORKSPACE_LOCKED, null, target(workspace),
                        Map.of("keys", "live"));
                return new WorkspaceLock(workspace, now);
            }
            // locked already: nothing changes, and the first lock time stands (the row lock keeps it from changing)
            return new WorkspaceLock(workspace, locks.lockedAt(workspace.id()).orElse(null));
        });
    }

    /** Not gated by the plan: a workspace downgraded while locked can always be unlocked. */
    @Override
    public WorkspaceLock unlock(Caller.UserCaller caller) {
        requireOwner(caller, "unlock");
        return transactions.inTransaction(() -> {
            Workspace workspace = lockedRow(caller);
            if (locks.unlock(workspace.id())) {
                audit.record(caller, AuditAction.WORKSPACE_UNLOCKED, null, target(workspace),
                        Map.of("keys", "live"));
            }
            return new WorkspaceLock(workspace, null);
        });
    }

    @Override
    public WorkspaceLock get(Caller.UserCaller caller) {
        Workspace workspace = workspaces.findById(caller.workspaceId())
                .orElseThrow(WorkspaceLockService::notFound);
        return new WorkspaceLock(workspace, locks.lockedAt(workspace.id()).orElse(null));
    }

    private Workspace lockedRow(Caller.UserCaller caller) {
        return workspaces.findByIdForUpdate(caller.workspaceId()).orElseThrow(WorkspaceLockService::notFound);
    }

    private static void requireOwner(Caller.UserCaller caller, String action) {
        if (caller.role() != Role.OWNER) {
            throw new DomainException(ErrorCode.ROLE_FORBIDDEN, "your role " + caller.role() + " cannot " + action
                    + " the workspace's live keys; only an owner can");
        }
    }

    private static AuditTarget target(Workspace workspace) {
        return new AuditTarget("workspace", workspace.id().value());
    }

    private static DomainException notFound() {
        return new DomainException(ErrorCode.NOT_FOUND, "workspace not found");
    }
}
