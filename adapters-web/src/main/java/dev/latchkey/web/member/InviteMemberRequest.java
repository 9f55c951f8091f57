package dev.latchkey.web.member;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /v1/members/invitations}. */
public record InviteMemberRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "new.colleague@example.com") String email,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"OWNER", "ADMIN", "MEMBER"})
        String role) {
}
