package dev.latchkey.application.port.in;

import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;

import java.time.Instant;
import java.util.List;

/** {@code GET /v1/auth/me}: the signed-in user, the workspace they act in and all their workspaces. */
public interface GetCurrentUserUseCase {

    CurrentUser me(Caller.UserCaller caller);

    record WorkspaceMembership(Workspace workspace, Role role, Instant joinedAt) {
    }

    record CurrentUser(Account account, Caller.UserCaller caller, List<WorkspaceMembership> memberships) {
        public CurrentUser {
            memberships = List.copyOf(memberships);
        }
    }
}
