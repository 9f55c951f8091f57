package dev.latchkey.dashboard.member;

import dev.latchkey.dashboard.support.Times;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.MembershipRules;
import dev.latchkey.domain.workspace.MembershipRules.Decision;
import dev.latchkey.domain.workspace.Role;

import java.util.Arrays;
import java.util.List;

/**
 * A row of the members table with the controls the viewer's role allows on it, decided by the same rules the use
 * case applies. A control the rules refuse only because of the last owner is still shown: the use case then answers
 * with the reason.
 */
record MemberRow(String userId, String email, Role role, String joinedAt, String joinedAtIso, boolean you,
                 List<Role> roleChoices, boolean removable, boolean transferable) {

    static MemberRow of(Member member, Membership viewer, long owners) {
        Membership target = member.membership();
        boolean you = target.userId().equals(viewer.userId());
        List<Role> roles = Arrays.stream(Role.values())
                .filter(role -> permitted(MembershipRules.changeRole(viewer, target, role, owners)))
                .toList();
        return new MemberRow(member.userId().value(), member.email().value(), member.role(),
                Times.utc(member.joinedAt()), member.joinedAt().toString(), you,
                roles.size() > 1 ? roles : List.of(),
                !you && permitted(MembershipRules.remove(viewer, target, owners)),
                MembershipRules.transfer(viewer, target).allowed());
    }

    /** Whether this viewer may change the role (the choices include the current one). */
    public boolean roleChangeable() {
        return !roleChoices.isEmpty();
    }

    public boolean hasActions() {
        return roleChangeable() || removable || transferable;
    }

    private static boolean permitted(Decision decision) {
        return !(decision instanceof Decision.Denied denied) || denied.code() != ErrorCode.ROLE_FORBIDDEN;
    }
}
