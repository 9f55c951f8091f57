package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link WorkspaceLockRepository} does; run by the in-memory fake, the MyBatis adapter and the cache in
 * front of it. Every test uses workspaces of its own. Writes run in a transaction, as the service runs them.
 */
public abstract class WorkspaceLockRepositoryContract {

    /** Microseconds on purpose: the store keeps them exactly. */
    protected static final Instant NOW = Instant.parse("2026-12-01T12:00:00.123456Z");

    protected abstract WorkspaceLockRepository locks();

    protected abstract Transactions transactions();

    /** A new workspace, stored wherever the repository needs it to be. */
    protected abstract WorkspaceId newWorkspace();

    private boolean lock(WorkspaceId workspace, Instant at) {
        return write(() -> locks().lock(workspace, at));
    }

    private boolean unlock(WorkspaceId workspace) {
        return write(() -> locks().unlock(workspace));
    }

    private <T> T write(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    @Test
    void aNewWorkspaceIsNotLocked() {
        assertThat(locks().lockedAt(newWorkspace())).isEmpty();
    }

    @Test
    void aLockKeepsItsTimeExactlyUntilItIsUnlocked() {
        WorkspaceId workspace = newWorkspace();

        assertThat(lock(workspace, NOW)).isTrue();
        assertThat(locks().lockedAt(workspace)).contains(NOW);

        assertThat(unlock(workspace)).isTrue();
        assertThat(locks().lockedAt(workspace)).isEmpty();
    }

    @Test
    void lockingALockedWorkspaceChangesNothingAndKeepsTheFirstTime() {
        WorkspaceId workspace = newWorkspace();
        lock(workspace, NOW);

        assertThat(lock(workspace, NOW.plusSeconds(60))).isFalse();

        assertThat(locks().lockedAt(workspace)).contains(NOW);
    }

    @Test
    void unlockingAnUnlockedWorkspaceChangesNothing() {
        WorkspaceId workspace = newWorkspace();

        assertThat(unlock(workspace)).isFalse();
        assertThat(locks().lockedAt(workspace)).isEmpty();
    }

    @Test
    void aWorkspaceLockedAgainHasItsNewTime() {
        WorkspaceId workspace = newWorkspace();
        lock(workspace, NOW);
        unlock(workspace);

        assertThat(lock(workspace, NOW.plusSeconds(3600))).isTrue();

        assertThat(locks().lockedAt(workspace)).contains(NOW.plusSeconds(3600));
    }

    @Test
    void eachWorkspaceHasItsOwnLock() {
        WorkspaceId locked = newWorkspace();
        WorkspaceId other = newWorkspace();

        lock(locked, NOW);

        assertThat(locks().lockedAt(other)).isEmpty();
        assertThat(unlock(other)).isFalse();
        assertThat(locks().lockedAt(locked)).contains(NOW);
    }

    @Test
    void anUnknownWorkspaceIsNeverLocked() {
        WorkspaceId unknown = WorkspaceId.newId();

        assertThat(lock(unknown, NOW)).isFalse();
        assertThat(locks().lockedAt(unknown)).isEmpty();
        assertThat(unlock(unknown)).isFalse();
    }
}
