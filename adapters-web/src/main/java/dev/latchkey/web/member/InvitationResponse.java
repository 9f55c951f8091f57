package dev.latchkey.web.member;

import dev.latchkey.application.port.in.ManageInvitationsUseCase.CreatedInvitation;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A new invitation (PRODUCT.md §12): its token and link are shown this once. */
@Schema(name = "CreatedInvitation")
public record InvitationResponse(
        @Schema(example = "inv_3kTMd9QxAAAAAAAAAAAAAA") String id,
        String email,
        @Schema(allowableValues = {"OWNER", "ADMIN", "MEMBER"}) String role,
        @Schema(description = "The single-use secret of the invitation, shown only in this answer and the "
                + "invitation mail", example = "lkinv_4eC3…") String token,
        @Schema(description = "The link to share with the invitee (it holds the token)",
                example = "https://latchkey.example.com/invitations/lkinv_4eC3…") String url,
        Instant expiresAt) {

    public static InvitationResponse from(CreatedInvitation created) {
        var invitation = created.invitation();
        return new InvitationResponse(invitation.id().value(), invitation.email().value(), invitation.role().name(),
                created.token().reveal(), created.url(), invitation.expiresAt());
    }

    @Override
    public String toString() {
        return "InvitationResponse[id=" + id + ", email=" + email + ", role=" + role + ", token=redacted, "
                + "url=redacted, expiresAt=" + expiresAt + "]";
    }
}
