package dev.latchkey.application.service.workspace;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

public final class WorkspaceManagementService implements ManageWorkspacesUseCase {

    private final WorkspaceRepository workspaces;
    private final Transactions transactions;
    private final AuditTrail audit;
    private final Clock clock;

    public WorkspaceManagementService(WorkspaceRepository workspaces, Transactions transactions, AuditTrail audit,
                                      Clock clock) {
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public WorkspacePage list(Caller.UserCaller caller, PageRequest page) {
        List<Membership> memberships = workspaces.membershipsOf(caller.userId());
        int from = 0;
        if (page.cursor() != null) {
            from = memberships.size(); // a cursor that is none of the caller's workspaces matches nothing
            for (int i = 0; i < memberships.size(); i++) {
                if (memberships.get(i).workspaceId().value().equals(page.cursor())) {
                    from = i + 1;
                    break;
                }
            }
        }
        List<WorkspaceMembership> shown = new ArrayList<>();
        int next = from;
        for (; next < memberships.size() && shown.size() < page.limit(); next++) {
            Membership membership = memberships.get(next);
            // a workspace deleted in the meantime is simply not listed
            workspaces.findById(membership.workspaceId()).ifPresent(workspace -> shown.add(
                    new WorkspaceMembership(workspace, membership.role(), membership.joinedAt())));
        }
        boolean hasMore = next < memberships.size();
        return new WorkspacePage(shown, hasMore,
                hasMore && !shown.isEmpty() ? shown.getLast().workspace().id().value() : null);
    }

    @Override
    public WorkspaceMembership create(AccountCaller caller, CreateWorkspaceCommand command) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Workspace workspace = Workspace.create(command.name(), now);
        Membership owner = new Membership(workspace.id(), caller.userId(), Role.OWNER, now);
        return transactions.inTransaction(() -> {
            workspaces.add(workspace);
            workspaces.addMember(owner);
            audit.record(workspace.id(), caller.actor(), caller.clientAddress(), AuditAction.WORKSPACE_CREATED, null,
                    new AuditTarget("workspace", workspace.id().value()), Map.of("name", workspace.name()));
            return new WorkspaceMembership(workspace, owner.role(), owner.joinedAt());
        });
    }
}
