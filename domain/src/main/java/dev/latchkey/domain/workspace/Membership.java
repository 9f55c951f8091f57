package dev.latchkey.domain.workspace;

import dev.latchkey.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/** A user's role in a workspace. */
public record Membership(WorkspaceId workspaceId, UserId userId, Role role, Instant joinedAt) {

    public Membership {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }
}
