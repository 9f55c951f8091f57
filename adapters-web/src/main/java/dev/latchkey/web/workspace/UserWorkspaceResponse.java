package dev.latchkey.web.workspace;

import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.domain.apikey.Environment;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A workspace of the signed-in user: the workspace (PRODUCT.md §12) with the user's role in it. */
@Schema(name = "UserWorkspace")
public record UserWorkspaceResponse(
        @Schema(example = "ws_3kTMd9QxAAAAAAAAAAAAAA") String id,
        String name,
        @Schema(allowableValues = {"FREE", "PRO", "SCALE", "ENTERPRISE"}) String plan,
        @Schema(description = "The environment of this request", allowableValues = {"live", "test"})
        String environment,
        Instant createdAt,
        @Schema(description = "The user's role in this workspace", allowableValues = {"OWNER", "ADMIN", "MEMBER"})
        String role,
        @Schema(description = "When the user joined it") Instant joinedAt) {

    public static UserWorkspaceResponse from(WorkspaceMembership membership, Environment environment) {
        var workspace = membership.workspace();
        return new UserWorkspaceResponse(workspace.id().value(), workspace.name(), workspace.plan().name(),
                environment.code(), workspace.createdAt(), membership.role().name(), membership.joinedAt());
    }
}
