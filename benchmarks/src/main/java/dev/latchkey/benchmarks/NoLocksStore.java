package dev.latchkey.benchmarks;

import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** No workspace is locked; counts the lookups that reach it (the cache in front should answer every measured one). */
final class NoLocksStore implements WorkspaceLockRepository {

    private final AtomicLong lookups = new AtomicLong();

    @Override
    public Optional<Instant> lockedAt(WorkspaceId workspaceId) {
        lookups.incrementAndGet();
        return Optional.empty();
    }

    @Override
    public boolean lock(WorkspaceId workspaceId, Instant at) {
        throw new UnsupportedOperationException("the benchmark locks nothing");
    }

    @Override
    public boolean unlock(WorkspaceId workspaceId) {
        throw new UnsupportedOperationException("the benchmark unlocks nothing");
    }

    long lookups() {
        return lookups.get();
    }
}
