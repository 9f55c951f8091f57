package dev.latchkey.application.service.member;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.ManageMembersUseCase;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.MembershipRules;
import dev.latchkey.domain.workspace.Role;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public final class MemberManagementService implements ManageMembersUseCase {

    private final WorkspaceRepository workspaces;
    private final Transactions transactions;
    private final AuditTrail audit;

    public MemberManagementService(WorkspaceRepository workspaces, Transactions transactions, AuditTrail audit) {
        this.workspaces = workspaces;
        this.transactions = transactions;
        this.audit = audit;
    }

    @Override
    public MemberPage list(Caller.UserCaller caller, PageRequest page) {
        UserId after = page.cursor() == null ? null : new UserId(page.cursor());
        List<Member> found = workspaces.members(caller.workspaceId(), after, page.limit() + 1);
        boolean hasMore = found.size() > page.limit();
        List<Member> shown = hasMore ? found.subList(0, page.limit()) : found;
        return new MemberPage(shown, hasMore, hasMore ? shown.getLast().userId().value() : null,
                workspaces.countMembers(caller.workspaceId(), Role.OWNER));
    }

    @Override
    public Member get(Caller.UserCaller caller, UserId userId) {
        return workspaces.findMember(caller.workspaceId(), userId)
                .orElseThrow(() -> LockedWorkspace.memberNotFound(userId));
    }

    @Override
    public Member changeRole(Caller.UserCaller caller, UserId userId, Role role) {
        MembershipRules.manage(caller.role()).orThrow();
        return transactions.inTransaction(() -> {
            LockedWorkspace locked = LockedWorkspace.of(workspaces, caller);
            Member target = workspaces.findMember(caller.workspaceId(), userId)
                    .orElseThrow(() -> LockedWorkspace.memberNotFound(userId));
            long owners = workspaces.countMembers(caller.workspaceId(), Role.OWNER);
            MembershipRules.changeRole(locked.actor(), target.membership(), role, owners).orThrow();
            if (target.role() == role) {
                return target;
            }
            workspaces.updateRole(caller.workspaceId(), userId, role);
            audit.record(caller, AuditAction.MEMBER_ROLE_CHANGED, null, target(userId), Map.of(
                    "email", target.email().value(), "from", target.role().name(), "to", role.name()));
            return target.withRole(role);
        });
    }

    @Override
    public void remove(Caller.UserCaller caller, UserId userId) {
        boolean leaving = caller.userId().equals(userId);
        if (!leaving) {
            MembershipRules.manage(caller.role()).orThrow();
        }
        transactions.inTransaction(() -> {
            LockedWorkspace locked = LockedWorkspace.of(workspaces, caller);
            Member target = workspaces.findMember(caller.workspaceId(), userId)
                    .orElseThrow(() -> LockedWorkspace.memberNotFound(userId));
            long owners = workspaces.countMembers(caller.workspaceId(), Role.OWNER);
            MembershipRules.remove(locked.actor(), target.membership(), owners).orThrow();
            workspaces.removeMember(caller.workspaceId(), userId);
            Map<String, String> details = new LinkedHashMap<>();
            details.put("email", target.email().value());
            details.put("role", target.role().name());
            if (leaving) {
                details.put("left", "true");
            }
            audit.record(caller, AuditAction.MEMBER_REMOVED, null, target(userId), details);
            return null;
        });
    }

    @Override
    public Transfer transferOwnership(Caller.UserCaller caller, UserId userId) {
        if (caller.role() != Role.OWNER) {
            throw new DomainException(ErrorCode.ROLE_FORBIDDEN,
                    "only an owner can transfer ownership");
        }
        return transactions.inTransaction(() -> {
            LockedWorkspace locked = LockedWorkspace.of(workspaces, caller);
            Member target = workspaces.findMember(caller.workspaceId(), userId)
                    .orElseThrow(() -> LockedWorkspace.memberNotFound(userId));
            MembershipRules.transfer(locked.actor(), target.membership()).orThrow();
            Member self = workspaces.findMember(caller.workspaceId(), caller.userId())
                    .orElseThrow(LockedWorkspace::notFound);
            workspaces.updateRole(caller.workspaceId(), userId, Role.OWNER);
            workspaces.updateRole(caller.workspaceId(), caller.userId(), Role.ADMIN);
            audit.record(caller, AuditAction.OWNERSHIP_TRANSFERRED, null, target(userId), Map.of(
                    "to", target.email().value(), "toRoleBefore", target.role().name(),
                    "from", self.email().value(), "fromRoleAfter", Role.ADMIN.name()));
            return new Transfer(target.withRole(Role.OWNER), self.withRole(Role.ADMIN));
        });
    }

    private static AuditTarget target(UserId userId) {
        return new AuditTarget("member", userId.value());
    }
}
