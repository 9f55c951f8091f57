package dev.latchkey.persistence.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The kill switch with its lookup cached per node: {@link #lockedAt} is asked for every request made with a live key,
 * so it is answered from memory (locked and not locked alike) and reaches the database about once per workspace and
 * {@code ttl}. The same rules as the key cache ({@link CachingApiKeyRepository}, {@link AnnouncedCache}): a lock or
 * unlock made here is forgotten at once and again when its transaction ends, and announced in it
 * ({@link WorkspaceChange}), so that every other node forgets it when it commits; a lookup that raced a change is never
 * kept; nothing is kept while the node does not hear the announcements. When nothing is known and the database cannot
 * answer, the lookup fails ({@code unavailable}): a live key is never let through on a guess.
 */
public final class CachingWorkspaceLockRepository implements WorkspaceLockRepository, ChangeFollower {

    private final WorkspaceLockRepository store;
    private final KeyChangePublisher publisher;
    private final AnnouncedCache<WorkspaceId, Optional<Instant>> lockedAt;

    public CachingWorkspaceLockRepository(WorkspaceLockRepository store, KeyChangePublisher publisher, Duration ttl,
                                          long maximumWorkspaces) {
        this(store, publisher, ttl, maximumWorkspaces, Ticker.systemTicker());
    }

    CachingWorkspaceLockRepository(WorkspaceLockRepository store, KeyChangePublisher publisher, Duration ttl,
                                   long maximumWorkspaces, Ticker ticker) {
        this.store = store;
        this.publisher = publisher;
        this.lockedAt = new AnnouncedCache<>(ticker, ttl, maximumWorkspaces);
    }

    @Override
    public Optional<Instant> lockedAt(WorkspaceId workspaceId) {
        return lockedAt.get(workspaceId, () -> store.lockedAt(workspaceId));
    }

    @Override
    public boolean lock(WorkspaceId workspaceId, Instant at) {
        return changed(workspaceId, store.lock(workspaceId, at));
    }

    @Override
    public boolean unlock(WorkspaceId workspaceId) {
        return changed(workspaceId, store.unlock(workspaceId));
    }

    private boolean changed(WorkspaceId workspaceId, boolean stored) {
        if (stored) {
            AnnouncedCache.changed(publisher, new WorkspaceChange(workspaceId), this::apply);
        }
        return stored;
    }

    // --- what the listener tells

    /** Forgets what a change (here or on another node) made stale. */
    public void apply(WorkspaceChange change) {
        lockedAt.forget(change.workspaceId());
    }

    /** Workspace changes are applied; other kinds concern other caches. */
    @Override
    public void heard(Announcement announcement) {
        if (announcement instanceof WorkspaceChange change) {
            apply(change);
        }
    }

    @Override
    public void forgetAll() {
        lockedAt.forgetAll();
    }

    @Override
    public void listening(boolean listening) {
        lockedAt.listening(listening);
    }

    public boolean isListening() {
        return lockedAt.isListening();
    }

    /** Whether a lookup of {@code workspaceId} would be answered from memory now (without looking it up). */
    public boolean holds(WorkspaceId workspaceId) {
        return lockedAt.holds(workspaceId);
    }

    /** Workspaces held now (locked and not locked): for tests and metrics. */
    public long size() {
        return lockedAt.size();
    }
}
