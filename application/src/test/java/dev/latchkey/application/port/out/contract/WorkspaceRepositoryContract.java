package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link WorkspaceRepository} does; run by the in-memory fake and by the MyBatis adapter. */
public abstract class WorkspaceRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-12-01T11:00:00Z");

    protected abstract WorkspaceRepository workspaces();

    /** A new user with {@code email}, stored wherever the repository reads members' emails from. */
    protected abstract UserId newUser(Email email);

    private WorkspaceId newWorkspace() {
        Workspace workspace = Workspace.create("Acme", T0);
        workspaces().add(workspace);
        return workspace.id();
    }

    private static Email uniqueEmail(String name) {
        return new Email(name + "-" + UUID.randomUUID() + "@example.com");
    }

    private Member join(WorkspaceId workspace, String name, Role role, Instant at) {
        Email email = uniqueEmail(name);
        UserId user = newUser(email);
        Membership membership = new Membership(workspace, user, role, at);
        workspaces().addMember(membership);
        return new Member(membership, email);
    }

    @Test
    void aWorkspaceRoundTripsAndItsPlanChanges() {
        Workspace workspace = Workspace.create("Round trip", T0);
        workspaces().add(workspace);

        assertThat(workspaces().findById(workspace.id())).contains(workspace);
        assertThat(workspaces().findByIdForUpdate(workspace.id())).contains(workspace);
        assertThat(workspaces().updatePlan(workspace.id(), Plan.SCALE)).isTrue();
        assertThat(workspaces().findById(workspace.id()).orElseThrow().plan()).isEqualTo(Plan.SCALE);
        assertThat(workspaces().findById(WorkspaceId.newId())).isEmpty();
        assertThat(workspaces().updatePlan(WorkspaceId.newId(), Plan.PRO)).isFalse();
    }

    @Test
    void aUsersMembershipsComeOldestFirst() {
        WorkspaceId first = newWorkspace();
        WorkspaceId second = newWorkspace();
        Email email = uniqueEmail("multi");
        UserId user = newUser(email);
        workspaces().addMember(new Membership(second, user, Role.MEMBER, T0.plusSeconds(60)));
        workspaces().addMember(new Membership(first, user, Role.OWNER, T0));

        assertThat(workspaces().membershipsOf(user)).extracting(Membership::workspaceId)
                .containsExactly(first, second);
        assertThat(workspaces().findMembership(second, user)).hasValueSatisfying(
                membership -> assertThat(membership.role()).isEqualTo(Role.MEMBER));
        assertThat(workspaces().findMembership(newWorkspace(), user)).isEmpty();
    }

    @Test
    void membersComeInTheOrderTheyJoinedWithTheirEmailsAPageAtATime() {
        WorkspaceId workspace = newWorkspace();
        List<Member> joined = new ArrayList<>();
        joined.add(join(workspace, "owner", Role.OWNER, T0));
        for (int i = 0; i < 4; i++) {
            joined.add(join(workspace, "member" + i, i % 2 == 0 ? Role.MEMBER : Role.ADMIN, T0.plusSeconds(1 + i / 2)));
        }
        join(newWorkspace(), "elsewhere", Role.OWNER, T0);
        List<Member> all = workspaces().members(workspace, null, 10);
        assertThat(all).containsExactlyInAnyOrderElementsOf(joined);
        assertThat(all).extracting(Member::joinedAt).isSorted();

        List<Member> first = workspaces().members(workspace, null, 2);
        List<Member> second = workspaces().members(workspace, first.getLast().userId(), 2);
        List<Member> last = workspaces().members(workspace, second.getLast().userId(), 2);
        assertThat(first).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(last).containsExactlyElementsOf(all.subList(4, 5));
        assertThat(workspaces().members(workspace, UserId.newId(), 10)).as("an unknown cursor").isEmpty();
    }

    @Test
    void aMemberIsFoundByIdOrEmailOnlyInTheirWorkspace() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        Member ada = join(workspace, "ada", Role.ADMIN, T0);
        join(other, "bob", Role.OWNER, T0);

        assertThat(workspaces().findMember(workspace, ada.userId())).contains(ada);
        assertThat(workspaces().findMemberByEmail(workspace, ada.email())).contains(ada);
        assertThat(workspaces().findMemberByEmail(workspace,
                new Email(ada.email().value().toUpperCase(java.util.Locale.ROOT)))).contains(ada);
        assertThat(workspaces().findMember(other, ada.userId())).isEmpty();
        assertThat(workspaces().findMemberByEmail(other, ada.email())).isEmpty();
        assertThat(workspaces().findMemberByEmail(workspace, uniqueEmail("nobody"))).isEmpty();
    }

    @Test
    void membersAreCountedChangedAndRemovedInTheirWorkspaceOnly() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        Member owner = join(workspace, "owner", Role.OWNER, T0);
        Member member = join(workspace, "member", Role.MEMBER, T0.plusSeconds(1));
        Member foreign = join(other, "foreign", Role.OWNER, T0);

        assertThat(workspaces().countMembers(workspace)).isEqualTo(2);
        assertThat(workspaces().countMembers(workspace, Role.OWNER)).isEqualTo(1);
        assertThat(workspaces().updateRole(workspace, member.userId(), Role.OWNER)).isTrue();
        assertThat(workspaces().countMembers(workspace, Role.OWNER)).isEqualTo(2);
        assertThat(workspaces().findMember(workspace, member.userId()).orElseThrow().role()).isEqualTo(Role.OWNER);
        assertThat(workspaces().findMember(workspace, member.userId()).orElseThrow().joinedAt())
                .isEqualTo(member.joinedAt());

        assertThat(workspaces().updateRole(workspace, foreign.userId(), Role.MEMBER)).isFalse();
        assertThat(workspaces().removeMember(workspace, foreign.userId())).isFalse();
        assertThat(workspaces().findMember(other, foreign.userId()).orElseThrow().role()).isEqualTo(Role.OWNER);

        assertThat(workspaces().removeMember(workspace, owner.userId())).isTrue();
        assertThat(workspaces().removeMember(workspace, owner.userId())).isFalse();
        assertThat(workspaces().countMembers(workspace)).isEqualTo(1);
        assertThat(workspaces().membershipsOf(owner.userId())).isEmpty();
        assertThat(workspaces().countMembers(other)).isEqualTo(1);
    }
}
