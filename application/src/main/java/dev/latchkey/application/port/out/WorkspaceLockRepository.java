package dev.latchkey.application.port.out;

import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;

/**
 * The kill switch of each workspace (PRODUCT.md §5): while a workspace is locked, every live key of it is refused.
 * {@link #lockedAt} is asked on the path of every request made with a live key: the lookup a cache wraps. The state is
 * stored, so a locked workspace stays locked across restarts.
 */
public interface WorkspaceLockRepository {

    /** Since when the workspace is locked; empty when it is not locked (or does not exist). */
    Optional<Instant> lockedAt(WorkspaceId workspaceId);

    /**
     * Locks the workspace as of {@code at} unless it is locked already; false when it was (it keeps its first lock
     * time) or does not exist.
     */
    boolean lock(WorkspaceId workspaceId, Instant at);

    /** Unlocks the workspace; false when it was not locked (or does not exist). */
    boolean unlock(WorkspaceId workspaceId);
}
