package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MembershipRulesTest {

    private static final WorkspaceId WORKSPACE = WorkspaceId.newId();

    private static Membership member(Role role) {
        return new Membership(WORKSPACE, UserId.newId(), role, Instant.EPOCH);
    }

    private static void assertDenied(MembershipRules.Decision decision, ErrorCode code) {
        assertThat(decision).isInstanceOfSatisfying(MembershipRules.Decision.Denied.class,
                denied -> assertThat(denied.code()).isEqualTo(code));
        assertThat(decision.allowed()).isFalse();
    }

    @Test
    void ownersAndAdminsInviteButOnlyOwnersInviteOwners() {
        for (Role invited : Role.values()) {
            assertThat(MembershipRules.invite(Role.OWNER, invited).allowed()).isTrue();
            assertDenied(MembershipRules.invite(Role.MEMBER, invited), ErrorCode.ROLE_FORBIDDEN);
        }
        assertThat(MembershipRules.invite(Role.ADMIN, Role.ADMIN).allowed()).isTrue();
        assertThat(MembershipRules.invite(Role.ADMIN, Role.MEMBER).allowed()).isTrue();
        assertDenied(MembershipRules.invite(Role.ADMIN, Role.OWNER), ErrorCode.ROLE_FORBIDDEN);
    }

    @Test
    void anAdminCannotRevokeAnOwnersInvitation() {
        assertThat(MembershipRules.revokeInvitation(Role.ADMIN, Role.MEMBER).allowed()).isTrue();
        assertThat(MembershipRules.revokeInvitation(Role.OWNER, Role.OWNER).allowed()).isTrue();
        assertDenied(MembershipRules.revokeInvitation(Role.ADMIN, Role.OWNER), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.revokeInvitation(Role.MEMBER, Role.MEMBER), ErrorCode.ROLE_FORBIDDEN);
    }

    @Test
    void anAdminManagesMembersAndAdminsButNeverOwners() {
        Membership admin = member(Role.ADMIN);

        assertThat(MembershipRules.changeRole(admin, member(Role.MEMBER), Role.ADMIN, 1).allowed()).isTrue();
        assertThat(MembershipRules.changeRole(admin, member(Role.ADMIN), Role.MEMBER, 1).allowed()).isTrue();
        assertThat(MembershipRules.remove(admin, member(Role.ADMIN), 1).allowed()).isTrue();
        assertDenied(MembershipRules.changeRole(admin, member(Role.OWNER), Role.ADMIN, 3), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.changeRole(admin, member(Role.MEMBER), Role.OWNER, 1), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.changeRole(admin, admin, Role.OWNER, 1), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.remove(admin, member(Role.OWNER), 3), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.transfer(admin, member(Role.MEMBER)), ErrorCode.ROLE_FORBIDDEN);
    }

    @Test
    void aMemberChangesNothingButMayLeave() {
        Membership member = member(Role.MEMBER);

        assertDenied(MembershipRules.manage(Role.MEMBER), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.changeRole(member, member(Role.MEMBER), Role.ADMIN, 1), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.changeRole(member, member, Role.MEMBER, 1), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.remove(member, member(Role.MEMBER), 1), ErrorCode.ROLE_FORBIDDEN);
        assertDenied(MembershipRules.transfer(member, member(Role.MEMBER)), ErrorCode.ROLE_FORBIDDEN);
        assertThat(MembershipRules.remove(member, member, 1).allowed()).as("leaving").isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "MEMBER"})
    void theLastOwnerCanNeitherBeDemotedNorRemovedNorLeave(Role newRole) {
        Membership owner = member(Role.OWNER);

        assertDenied(MembershipRules.changeRole(owner, owner, newRole, 1), ErrorCode.CONFLICT);
        assertDenied(MembershipRules.remove(owner, owner, 1), ErrorCode.CONFLICT);
        assertThat(MembershipRules.changeRole(owner, owner, newRole, 2).allowed()).isTrue();
        assertThat(MembershipRules.remove(owner, owner, 2).allowed()).isTrue();
        assertThat(MembershipRules.changeRole(owner, owner, Role.OWNER, 1).allowed()).as("no change").isTrue();
    }

    @Test
    void anOwnerDoesEverythingElse() {
        Membership owner = member(Role.OWNER);

        assertThat(MembershipRules.changeRole(owner, member(Role.MEMBER), Role.OWNER, 1).allowed()).isTrue();
        assertThat(MembershipRules.changeRole(owner, member(Role.OWNER), Role.MEMBER, 2).allowed()).isTrue();
        assertThat(MembershipRules.remove(owner, member(Role.OWNER), 2).allowed()).isTrue();
        assertThat(MembershipRules.transfer(owner, member(Role.MEMBER)).allowed()).isTrue();
        assertDenied(MembershipRules.transfer(owner, owner), ErrorCode.CONFLICT);
    }

    @Test
    void aDenialThrowsItsCodeAndAnAllowanceNothing() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> MembershipRules.invite(Role.ADMIN, Role.OWNER).orThrow());

        assertThat(e.code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);
        assertThat(e.getMessage()).contains("owner");
        MembershipRules.ALLOWED.orThrow();
    }

    @Test
    void membershipsOfTwoWorkspacesAreNeverCompared() {
        Membership elsewhere = new Membership(WorkspaceId.newId(), UserId.newId(), Role.MEMBER, Instant.EPOCH);

        assertThatThrownBy(() -> MembershipRules.remove(member(Role.OWNER), elsewhere, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rolesParseInAnyCase() {
        assertThat(Role.parse(" admin ")).contains(Role.ADMIN);
        assertThat(Role.parse("OWNER")).contains(Role.OWNER);
        assertThat(Role.parse("superuser")).isEmpty();
        assertThat(Role.parse(null)).isEmpty();
        assertThat(Role.MEMBER.canManageMembers()).isFalse();
    }
}
