package dev.latchkey.web.workspace;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /v1/workspaces}. */
public record CreateWorkspaceRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Acme staging") String name) {
}
