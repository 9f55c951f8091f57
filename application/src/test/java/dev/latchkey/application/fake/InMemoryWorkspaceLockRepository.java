package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Workspace locks in memory, behaving like the SQL adapter (see WorkspaceLockRepositoryContract): conditional lock and
 * unlock, nothing for an unknown workspace. Counts the lookups. Built with an {@link InMemoryWorkspaceRepository} and a
 * {@link DirectTransactions}, it knows which workspaces exist and refuses writes outside a transaction; built without,
 * every workspace exists and writes are accepted anywhere.
 */
public final class InMemoryWorkspaceLockRepository implements WorkspaceLockRepository {

    private final Map<WorkspaceId, Instant> lockedAt = new HashMap<>();
    private final InMemoryWorkspaceRepository workspaces;
    private final DirectTransactions transactions;
    private int lookups;

    public InMemoryWorkspaceLockRepository() {
        this(null, null);
    }

    public InMemoryWorkspaceLockRepository(InMemoryWorkspaceRepository workspaces, DirectTransactions transactions) {
        this.workspaces = workspaces;
        this.transactions = transactions;
    }

    @Override
    public synchronized Optional<Instant> lockedAt(WorkspaceId workspaceId) {
        lookups++;
        return Optional.ofNullable(lockedAt.get(workspaceId));
    }

    @Override
    public synchronized boolean lock(WorkspaceId workspaceId, Instant at) {
        requireTransaction("lock");
        if (!exists(workspaceId) || lockedAt.containsKey(workspaceId)) {
            return false;
        }
        lockedAt.put(workspaceId, at);
        return true;
    }

    @Override
    public synchronized boolean unlock(WorkspaceId workspaceId) {
        requireTransaction("unlock");
        return lockedAt.remove(workspaceId) != null;
    }

    public synchronized int lookups() {
        return lookups;
    }

    private boolean exists(WorkspaceId workspaceId) {
        return workspaces == null || workspaces.findById(workspaceId).isPresent();
    }

    private void requireTransaction(String write) {
        if (transactions != null && !transactions.active()) {
            throw new IllegalStateException("WorkspaceLockRepository." + write + " called outside a transaction");
        }
    }
}
