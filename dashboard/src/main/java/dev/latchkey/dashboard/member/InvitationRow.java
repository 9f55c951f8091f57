package dev.latchkey.dashboard.member;

import dev.latchkey.dashboard.support.Times;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.MembershipRules;
import dev.latchkey.domain.workspace.Role;

/** A pending invitation as listed (never its token), revocable when the viewer's role allows it. */
record InvitationRow(String id, String email, Role role, String expiresAt, String expiresAtIso, String invitedBy,
                     boolean revocable) {

    static InvitationRow of(Invitation invitation, Role viewer, String invitedBy) {
        return new InvitationRow(invitation.id().value(), invitation.email().value(), invitation.role(),
                Times.utc(invitation.expiresAt()), invitation.expiresAt().toString(), invitedBy,
                MembershipRules.revokeInvitation(viewer, invitation.role()).allowed());
    }
}
