package dev.latchkey.web.auth;

import dev.latchkey.application.port.in.GetCurrentUserUseCase.CurrentUser;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/auth/me}: the signed-in user, the workspace and environment they act in, and all their workspaces. */
public record MeResponse(
        @Schema(example = "usr_3kTMd9QxAAAAAAAAAAAAAA") String id,
        String email,
        @Schema(description = "The environment of this request", allowableValues = {"live", "test"}) String environment,
        @Schema(description = "The workspace of this request") CurrentWorkspace workspace,
        List<Membership> workspaces) {

    @Schema(name = "CurrentWorkspace")
    public record CurrentWorkspace(String id, String name,
                                   @Schema(allowableValues = {"FREE", "PRO", "SCALE", "ENTERPRISE"}) String plan,
                                   @Schema(allowableValues = {"OWNER", "ADMIN", "MEMBER"}) String role) {
    }

    @Schema(name = "WorkspaceMembership")
    public record Membership(String id, String name,
                             @Schema(allowableValues = {"FREE", "PRO", "SCALE", "ENTERPRISE"}) String plan,
                             @Schema(allowableValues = {"OWNER", "ADMIN", "MEMBER"}) String role,
                             Instant joinedAt) {
    }

    public static MeResponse from(CurrentUser user) {
        var caller = user.caller();
        String workspaceId = caller.workspaceId().value();
        CurrentWorkspace current = user.memberships().stream()
                .filter(membership -> membership.workspace().id().value().equals(workspaceId))
                .findFirst()
                .map(membership -> new CurrentWorkspace(workspaceId, membership.workspace().name(),
                        membership.workspace().plan().name(), caller.role().name()))
                .orElse(new CurrentWorkspace(workspaceId, null, null, caller.role().name()));
        return new MeResponse(user.account().id().value(), user.account().email().value(),
                caller.environment().code(), current,
                user.memberships().stream().map(MeResponse::membership).toList());
    }

    private static Membership membership(WorkspaceMembership membership) {
        return new Membership(membership.workspace().id().value(), membership.workspace().name(),
                membership.workspace().plan().name(), membership.role().name(), membership.joinedAt());
    }
}
