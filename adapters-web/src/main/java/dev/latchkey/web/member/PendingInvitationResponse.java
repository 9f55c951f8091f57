package dev.latchkey.web.member;

import dev.latchkey.domain.workspace.Invitation;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A pending invitation, as listed: never its token. */
@Schema(name = "PendingInvitation")
public record PendingInvitationResponse(
        @Schema(example = "inv_3kTMd9QxAAAAAAAAAAAAAA") String id,
        String email,
        @Schema(allowableValues = {"OWNER", "ADMIN", "MEMBER"}) String role,
        @Schema(description = "The user id of who invited", example = "usr_3kTMd9QxAAAAAAAAAAAAAA") String invitedBy,
        Instant createdAt,
        Instant expiresAt) {

    public static PendingInvitationResponse from(Invitation invitation) {
        return new PendingInvitationResponse(invitation.id().value(), invitation.email().value(),
                invitation.role().name(), invitation.invitedBy().value(), invitation.createdAt(),
                invitation.expiresAt());
    }
}
