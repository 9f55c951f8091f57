package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership rules over random workspaces and random sequences of changes by random members: applying every
 * allowed change never leaves a workspace without an owner, and each role is held to what it may do.
 */
class MembershipRulesProperties {

    private static final WorkspaceId WORKSPACE = WorkspaceId.newId();

    enum Kind { CHANGE_ROLE, REMOVE, TRANSFER }

    /** One attempted change: indexes into the current member list (taken modulo its size). */
    record Attempt(Kind kind, int actor, int target, Role role) {
    }

    @Provide
    Arbitrary<List<Role>> team() {
        return Arbitraries.of(Role.class).list().ofMinSize(0).ofMaxSize(7)
                .map(others -> {
                    List<Role> roles = new ArrayList<>();
                    roles.add(Role.OWNER); // a workspace starts with its owner
                    roles.addAll(others);
                    return roles;
                });
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        Arbitrary<Attempt> attempt = Combinators.combine(Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 20),
                Arbitraries.of(Role.class)).as(Attempt::new);
        return attempt.list().ofMaxSize(40);
    }

    private static List<Membership> members(List<Role> roles) {
        List<Membership> members = new ArrayList<>();
        for (Role role : roles) {
            members.add(new Membership(WORKSPACE, UserId.newId(), role, Instant.EPOCH));
        }
        return members;
    }

    private static long owners(List<Membership> members) {
        return members.stream().filter(member -> member.role() == Role.OWNER).count();
    }

    private static Membership withRole(Membership membership, Role role) {
        return new Membership(membership.workspaceId(), membership.userId(), role, membership.joinedAt());
    }

    @Property
    void applyingEveryAllowedChangeNeverLosesTheLastOwner(@ForAll("team") List<Role> roles,
                                                           @ForAll("attempts") List<Attempt> attempts) {
        List<Membership> members = members(roles);
        for (Attempt attempt : attempts) {
            if (members.isEmpty()) {
                break;
            }
            int actorIndex = attempt.actor() % members.size();
            int targetIndex = attempt.target() % members.size();
            Membership actor = members.get(actorIndex);
            Membership target = members.get(targetIndex);
            long owners = owners(members);
            switch (attempt.kind()) {
                case CHANGE_ROLE -> {
                    if (MembershipRules.changeRole(actor, target, attempt.role(), owners).allowed()) {
                        members.set(targetIndex, withRole(target, attempt.role()));
                    }
                }
                case REMOVE -> {
                    if (MembershipRules.remove(actor, target, owners).allowed()) {
                        members.remove(targetIndex);
                    }
                }
                case TRANSFER -> {
                    if (MembershipRules.transfer(actor, target).allowed()) {
                        members.set(targetIndex, withRole(target, Role.OWNER));
                        members.set(actorIndex, withRole(actor, Role.ADMIN));
                    }
                }
            }
            assertThat(owners(members)).as("owners after %s", attempt).isGreaterThanOrEqualTo(1);
        }
    }

    @Property
    void anAdminNeverTouchesAnOwnerNorMakesOne(@ForAll Role targetRole, @ForAll Role newRole,
                                               @ForAll boolean self) {
        Membership admin = new Membership(WORKSPACE, UserId.newId(), Role.ADMIN, Instant.EPOCH);
        Membership target = self ? admin : new Membership(WORKSPACE, UserId.newId(), targetRole, Instant.EPOCH);
        long owners = 5;

        boolean changes = MembershipRules.changeRole(admin, target, newRole, owners).allowed();
        boolean removes = MembershipRules.remove(admin, target, owners).allowed();

        assertThat(changes).isEqualTo(target.role() != Role.OWNER && newRole != Role.OWNER);
        assertThat(removes).isEqualTo(target.role() != Role.OWNER);
        assertThat(MembershipRules.invite(Role.ADMIN, newRole).allowed()).isEqualTo(newRole != Role.OWNER);
        assertThat(MembershipRules.transfer(admin, target).allowed()).isFalse();
    }

    @Property
    void aMemberMayOnlyLeave(@ForAll Role targetRole, @ForAll Role newRole, @ForAll boolean self,
                             @ForAll("ownerCounts") long owners) {
        Membership member = new Membership(WORKSPACE, UserId.newId(), Role.MEMBER, Instant.EPOCH);
        Membership target = self ? member : new Membership(WORKSPACE, UserId.newId(), targetRole, Instant.EPOCH);

        assertThat(MembershipRules.changeRole(member, target, newRole, owners).allowed()).isFalse();
        assertThat(MembershipRules.transfer(member, target).allowed()).isFalse();
        assertThat(MembershipRules.invite(Role.MEMBER, newRole).allowed()).isFalse();
        assertThat(MembershipRules.remove(member, target, owners).allowed()).isEqualTo(self);
    }

    @Property
    void anOwnerIsRefusedOnlyWhatWouldLeaveNoOwner(@ForAll Role targetRole, @ForAll Role newRole,
                                                   @ForAll boolean self, @ForAll("ownerCounts") long otherOwners) {
        Membership owner = new Membership(WORKSPACE, UserId.newId(), Role.OWNER, Instant.EPOCH);
        Membership target = self ? owner : new Membership(WORKSPACE, UserId.newId(), targetRole, Instant.EPOCH);
        long owners = 1 + otherOwners + (!self && targetRole == Role.OWNER ? 1 : 0);

        MembershipRules.Decision change = MembershipRules.changeRole(owner, target, newRole, owners);
        MembershipRules.Decision remove = MembershipRules.remove(owner, target, owners);

        boolean losesAnOwner = target.role() == Role.OWNER;
        assertThat(change.allowed()).isEqualTo(!(losesAnOwner && newRole != Role.OWNER && owners == 1));
        assertThat(remove.allowed()).isEqualTo(!(losesAnOwner && owners == 1));
        for (MembershipRules.Decision decision : List.of(change, remove)) {
            if (decision instanceof MembershipRules.Decision.Denied denied) {
                assertThat(denied.code()).isEqualTo(ErrorCode.CONFLICT);
            }
        }
    }

    @Provide
    Arbitrary<Long> ownerCounts() {
        return Arbitraries.longs().between(0, 3);
    }
}
