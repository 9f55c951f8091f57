package dev.latchkey.persistence;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;

/** An invitation as stored: its token only as the SHA-256 hash. */
public record InvitationRow(String id, String workspaceId, String email, String role, String tokenHash,
                            String invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt,
                            Instant revokedAt) {

    static InvitationRow from(Invitation invitation) {
        return new InvitationRow(invitation.id().value(), invitation.workspaceId().value(),
                invitation.email().value(), invitation.role().name(), invitation.tokenHash(),
                invitation.invitedBy().value(), invitation.createdAt(), invitation.expiresAt(),
                invitation.acceptedAt(), invitation.revokedAt());
    }

    Invitation toDomain() {
        return new Invitation(new InvitationId(id), new WorkspaceId(workspaceId), new Email(email), Role.valueOf(role),
                tokenHash, new UserId(invitedBy), createdAt, expiresAt, acceptedAt, revokedAt);
    }
}
