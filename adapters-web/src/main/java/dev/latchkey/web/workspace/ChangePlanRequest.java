package dev.latchkey.web.workspace;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code PUT /v1/workspace/plan}. */
public record ChangePlanRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"FREE", "PRO", "SCALE", "ENTERPRISE"})
        String plan,
        @Schema(types = {"string", "null"}, description = "Another workspace than the caller's (operators may set any "
                + "workspace's plan); default: the caller's") String workspaceId) {
}
