package dev.latchkey.application.service.member;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.ManageMembersUseCase.MemberPage;
import dev.latchkey.application.port.in.ManageMembersUseCase.Transfer;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MemberManagementServiceTest {

    private final TenancyFixture f = new TenancyFixture();
    private final MemberManagementService service = new MemberManagementService(f.workspaces, f.transactions, f.trail);
    private final Workspace acme = f.workspace(Plan.PRO);
    private final Caller.UserCaller owner = f.member(acme, Role.OWNER);
    private final Caller.UserCaller admin = f.member(acme, Role.ADMIN);
    private final Caller.UserCaller member = f.member(acme, Role.MEMBER);
    private final Workspace other = f.workspace(Plan.PRO);
    private final Caller.UserCaller stranger = f.member(other, Role.OWNER);

    @Test
    void everyMemberListsTheMembersInTheOrderTheyJoinedAPageAtATime() {
        MemberPage first = service.list(member, new PageRequest(2, null));
        assertThat(first.members()).extracting(Member::userId).containsExactly(owner.userId(), admin.userId());
        assertThat(first.members().getFirst().email().value()).isEqualTo(owner.email());
        assertThat(first.hasMore()).isTrue();
        MemberPage rest = service.list(member, new PageRequest(2, first.nextCursor()));
        assertThat(rest.members()).extracting(Member::userId).containsExactly(member.userId());
        assertThat(rest.hasMore()).isFalse();
        assertThat(rest.nextCursor()).isNull();
        assertThat(rest.owners()).as("the workspace's owners, though none is on this page").isEqualTo(1);
    }

    @Test
    void oneMemberIsReadByIdAndAStrangerIsNotFound() {
        assertThat(service.get(member, admin.userId()).role()).isEqualTo(Role.ADMIN);
        assertThat(service.get(member, admin.userId()).email().value()).isEqualTo(admin.email());
        f.refused(ErrorCode.NOT_FOUND, () -> service.get(member, stranger.userId()));
    }

    @Test
    void anAdminChangesAMembersRoleAndTheChangeIsAudited() {
        Member changed = service.changeRole(admin, member.userId(), Role.ADMIN);

        assertThat(changed.role()).isEqualTo(Role.ADMIN);
        assertThat(f.roleOf(acme, member)).isEqualTo(Role.ADMIN);
        AuditEvent event = f.audit.all().getLast();
        assertThat(event.action()).isEqualTo(AuditAction.MEMBER_ROLE_CHANGED);
        assertThat(event.workspaceId()).isEqualTo(acme.id());
        assertThat(event.actor().id()).isEqualTo(admin.userId().value());
        assertThat(event.target().id()).isEqualTo(member.userId().value());
        assertThat(event.details()).containsEntry("from", "MEMBER").containsEntry("to", "ADMIN");
        assertThat(event.environment()).isNull();
    }

    @Test
    void theSameRoleChangesNothing() {
        assertThat(service.changeRole(owner, admin.userId(), Role.ADMIN).role()).isEqualTo(Role.ADMIN);
        assertThat(f.audit.all()).isEmpty();
    }

    @Test
    void anAdminCannotTouchAnOwnerNorMakeOneAndAMemberCannotWrite() {
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.changeRole(admin, owner.userId(), Role.MEMBER));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.changeRole(admin, member.userId(), Role.OWNER));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.remove(admin, owner.userId()));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.transferOwnership(admin, member.userId()));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.changeRole(member, admin.userId(), Role.MEMBER));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.remove(member, admin.userId()));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.transferOwnership(member, member.userId()));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.changeRole(member, UserId.newId(), Role.MEMBER));
    }

    @Test
    void theLastOwnerIsNeverDemotedNorRemoved() {
        f.refused(ErrorCode.CONFLICT, () -> service.changeRole(owner, owner.userId(), Role.ADMIN));
        f.refused(ErrorCode.CONFLICT, () -> service.remove(owner, owner.userId()));

        service.changeRole(owner, admin.userId(), Role.OWNER);
        service.remove(owner, owner.userId()); // two owners: one may leave
        assertThat(f.roleOf(acme, owner)).isNull();
        assertThat(f.workspaces.countMembers(acme.id(), Role.OWNER)).isOne();
    }

    @Test
    void aMemberMayLeaveAndAnAdminMayRemoveOthers() {
        service.remove(member, member.userId());
        AuditEvent left = f.audit.all().getLast();
        assertThat(left.action()).isEqualTo(AuditAction.MEMBER_REMOVED);
        assertThat(left.details()).containsEntry("left", "true").containsEntry("role", "MEMBER");

        Caller.UserCaller another = f.member(acme, Role.ADMIN);
        service.remove(admin, another.userId());
        assertThat(f.roleOf(acme, another)).isNull();
        assertThat(f.audit.all().getLast().details()).doesNotContainKey("left");
    }

    @Test
    void aUserOfAnotherWorkspaceOrNoneIsNotFound() {
        f.refused(ErrorCode.NOT_FOUND, () -> service.changeRole(owner, stranger.userId(), Role.MEMBER));
        f.refused(ErrorCode.NOT_FOUND, () -> service.remove(owner, stranger.userId()));
        f.refused(ErrorCode.NOT_FOUND, () -> service.transferOwnership(owner, stranger.userId()));
        f.refused(ErrorCode.NOT_FOUND, () -> service.remove(admin, UserId.newId()));
        assertThat(f.roleOf(other, stranger)).isEqualTo(Role.OWNER);
    }

    @Test
    void theRoleIsReadAgainUnderTheLock() {
        // the admin was demoted after their request was authenticated as an admin's
        f.workspaces.updateRole(acme.id(), admin.userId(), Role.MEMBER);

        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.changeRole(admin, member.userId(), Role.ADMIN));
        f.workspaces.removeMember(acme.id(), admin.userId());
        f.refused(ErrorCode.NOT_FOUND, () -> service.remove(admin, member.userId()));
    }

    @Test
    void anOwnerTransfersOwnershipAndBecomesAnAdmin() {
        Transfer transfer = service.transferOwnership(owner, member.userId());

        assertThat(transfer.owner().userId()).isEqualTo(member.userId());
        assertThat(transfer.owner().role()).isEqualTo(Role.OWNER);
        assertThat(transfer.previousOwner().role()).isEqualTo(Role.ADMIN);
        assertThat(f.roleOf(acme, member)).isEqualTo(Role.OWNER);
        assertThat(f.roleOf(acme, owner)).isEqualTo(Role.ADMIN);
        AuditEvent event = f.audit.all().getLast();
        assertThat(event.action()).isEqualTo(AuditAction.OWNERSHIP_TRANSFERRED);
        assertThat(event.target().id()).isEqualTo(member.userId().value());
        assertThat(event.details()).containsEntry("to", member.email()).containsEntry("from", owner.email());
        assertThat(f.audit.all()).hasSize(1);
        f.refused(ErrorCode.CONFLICT, () -> service.transferOwnership(f.caller(f.users.findById(member.userId())
                .orElseThrow(), acme, Role.OWNER), member.userId()));
    }
}
