package dev.latchkey.web.member;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PATCH /v1/members/{userId}}. */
public record ChangeRoleRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"OWNER", "ADMIN", "MEMBER"})
        String role) {
}
