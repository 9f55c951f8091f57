package dev.latchkey.persistence.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.latchkey.application.fake.InMemoryWorkspaceLockRepository;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CachingWorkspaceLockRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);

    private final WorkspaceId workspace = WorkspaceId.newId();
    private final InMemoryWorkspaceLockRepository store = new InMemoryWorkspaceLockRepository();
    private final List<Announcement> published = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final CachingWorkspaceLockRepository cache = new CachingWorkspaceLockRepository(store, published::add,
            TTL, 1_000, ticker);

    @BeforeEach
    void listen() {
        cache.listening(true);
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aWorkspaceIsReadFromTheStoreOnceAndThenFromMemoryLockedOrNot() {
        WorkspaceId locked = WorkspaceId.newId();
        store.lock(locked, NOW);

        for (int i = 0; i < 5; i++) {
            assertThat(cache.lockedAt(workspace)).isEmpty();
            assertThat(cache.lockedAt(locked)).contains(NOW);
        }
        assertThat(store.lookups()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void lockingAndUnlockingForgetAtOnceAndAnnounce() {
        assertThat(cache.lockedAt(workspace)).isEmpty();

        assertThat(cache.lock(workspace, NOW)).isTrue();
        assertThat(cache.lockedAt(workspace)).contains(NOW);

        assertThat(cache.unlock(workspace)).isTrue();
        assertThat(cache.lockedAt(workspace)).isEmpty();

        assertThat(published).containsExactly(new WorkspaceChange(workspace), new WorkspaceChange(workspace));
    }

    @Test
    void aChangeThatStoredNothingIsNotAnnounced() {
        assertThat(cache.unlock(workspace)).isFalse();
        cache.lock(workspace, NOW);
        published.clear();

        assertThat(cache.lock(workspace, NOW.plusSeconds(1))).isFalse();

        assertThat(published).isEmpty();
        assertThat(cache.lockedAt(workspace)).contains(NOW);
    }

    @Test
    void aChangeAnnouncedByAnotherNodeIsForgotten() {
        cache.lockedAt(workspace);
        store.lock(workspace, NOW); // by another node
        assertThat(cache.lockedAt(workspace)).as("not yet announced").isEmpty();

        cache.heard(new WorkspaceChange(workspace));

        assertThat(cache.lockedAt(workspace)).contains(NOW);
    }

    @Test
    void keyChangesAreForTheKeyCache() {
        cache.lockedAt(workspace);

        cache.heard(new KeyChange(KeyHash.of("sk_live_x"), workspace, Environment.LIVE));

        assertThat(cache.holds(workspace)).isTrue();
    }

    /** A lookup between the change and its commit reads the row as it was: it must not be kept after the commit. */
    @Test
    void insideATransactionTheLockIsForgottenAgainWhenTheTransactionEnds() {
        AtomicBoolean committed = new AtomicBoolean();
        WorkspaceLockRepository uncommitted = new Delegating(store) {
            @Override
            public Optional<Instant> lockedAt(WorkspaceId workspaceId) {
                return committed.get() ? store.lockedAt(workspaceId) : Optional.empty(); // others see it once committed
            }
        };
        CachingWorkspaceLockRepository node = new CachingWorkspaceLockRepository(uncommitted, change -> { }, TTL,
                1_000, ticker);
        node.listening(true);
        TransactionSynchronizationManager.initSynchronization();

        assertThat(node.lock(workspace, NOW)).isTrue();
        assertThat(node.lockedAt(workspace)).as("another request before the commit").isEmpty();
        committed.set(true);
        TransactionSynchronizationManager.getSynchronizations().forEach(synchronization ->
                synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

        assertThat(node.lockedAt(workspace)).contains(NOW);
    }

    @Test
    void aLookupThatRacedALockIsNotKept() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        WorkspaceLockRepository slowStore = new Delegating(store) {
            @Override
            public Optional<Instant> lockedAt(WorkspaceId workspaceId) {
                Optional<Instant> read = store.lockedAt(workspaceId); // not locked, as it is now
                reading.countDown();
                await(changed); // meanwhile another node locks it and the change is announced
                return read;
            }
        };
        CachingWorkspaceLockRepository racing = new CachingWorkspaceLockRepository(slowStore, change -> { }, TTL,
                1_000, ticker);
        racing.listening(true);

        CompletableFuture<Optional<Instant>> lookup = CompletableFuture.supplyAsync(() -> racing.lockedAt(workspace));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        store.lock(workspace, NOW);
        racing.heard(new WorkspaceChange(workspace));
        changed.countDown();

        assertThat(lookup.get(5, TimeUnit.SECONDS)).as("the racing request itself saw it unlocked").isEmpty();
        assertThat(racing.size()).as("but \"not locked\" was not kept").isZero();
        assertThat(racing.lockedAt(workspace)).contains(NOW);
    }

    @Test
    void nothingIsKeptWhileTheNodeIsNotListening() {
        cache.lockedAt(workspace);

        cache.listening(false);
        cache.lockedAt(workspace);
        cache.lockedAt(workspace);

        assertThat(store.lookups()).isEqualTo(3);
        assertThat(cache.size()).isZero();
        assertThat(cache.isListening()).isFalse();
    }

    @Test
    void startingToListenForgetsWhatWasKept() {
        cache.lockedAt(workspace);

        cache.listening(true);
        cache.lockedAt(workspace);

        assertThat(store.lookups()).isEqualTo(2);
    }

    @Test
    void anUnreadableAnnouncementForgetsEverything() {
        WorkspaceId other = WorkspaceId.newId();
        cache.lockedAt(workspace);
        cache.lockedAt(other);

        cache.forgetAll();

        assertThat(cache.holds(workspace)).isFalse();
        assertThat(cache.holds(other)).isFalse();
    }

    @Test
    void entriesLiveAtMostTheirTtl() {
        cache.lockedAt(workspace);

        nanos.addAndGet(TTL.minusSeconds(1).toNanos());
        cache.lockedAt(workspace);
        assertThat(store.lookups()).isEqualTo(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.lockedAt(workspace);
        assertThat(store.lookups()).isEqualTo(2);
    }

    /** Fail closed: with nothing known and the database unreachable, the lookup fails (503), and nothing is kept. */
    @Test
    void whenTheStoreCannotAnswerTheLookupFailsAndNothingIsKept() {
        WorkspaceLockRepository down = new Delegating(store) {
            @Override
            public Optional<Instant> lockedAt(WorkspaceId workspaceId) {
                throw new DomainException(ErrorCode.UNAVAILABLE, "the service is temporarily unavailable");
            }
        };
        CachingWorkspaceLockRepository node = new CachingWorkspaceLockRepository(down, change -> { }, TTL, 1_000,
                ticker);
        node.listening(true);

        DomainException e = catchThrowableOfType(DomainException.class, () -> node.lockedAt(workspace));

        assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(node.size()).isZero();
    }

    /** Passes everything on: tests override the one method whose timing they need to control. */
    private static class Delegating implements WorkspaceLockRepository {
        private final WorkspaceLockRepository delegate;

        Delegating(WorkspaceLockRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Instant> lockedAt(WorkspaceId workspaceId) {
            return delegate.lockedAt(workspaceId);
        }

        @Override
        public boolean lock(WorkspaceId workspaceId, Instant at) {
            return delegate.lock(workspaceId, at);
        }

        @Override
        public boolean unlock(WorkspaceId workspaceId) {
            return delegate.unlock(workspaceId);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
