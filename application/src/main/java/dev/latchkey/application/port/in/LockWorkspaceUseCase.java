package dev.latchkey.application.port.in;

import dev.latchkey.domain.workspace.Workspace;

import java.time.Instant;
import java.util.Objects;

/**
 * The kill switch (PRODUCT.md §5), user tokens only: an OWNER locks every live key of the caller's workspace at once
 * (refused with {@code workspace_locked}; verify answers {@code LOCKED}; on every node within a second) and unlocks
 * them. Test keys and users keep working. Locking needs a plan that includes the kill switch ({@code plan_required});
 * unlocking is always allowed, so that a downgrade never traps a workspace locked. Locking a locked workspace (or
 * unlocking an unlocked one) changes nothing and answers its state.
 */
public interface LockWorkspaceUseCase {

    WorkspaceLock lock(Caller.UserCaller caller);

    WorkspaceLock unlock(Caller.UserCaller caller);

    /** The state of the caller's workspace: any member may read it. */
    WorkspaceLock get(Caller.UserCaller caller);

    /** A workspace and since when it is locked ({@code lockedAt} null: not locked). */
    record WorkspaceLock(Workspace workspace, Instant lockedAt) {
        public WorkspaceLock {
            Objects.requireNonNull(workspace, "workspace");
        }

        public boolean locked() {
            return lockedAt != null;
        }
    }
}
