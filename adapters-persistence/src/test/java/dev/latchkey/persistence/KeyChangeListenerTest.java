package dev.latchkey.persistence;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.persistence.cache.CachingApiKeyRepository;
import dev.latchkey.persistence.cache.CachingWorkspaceLockRepository;
import dev.latchkey.persistence.cache.KeyChange;
import dev.latchkey.persistence.cache.KeyChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (each with its key cache and lock cache, and its own listener) on one PostgreSQL: a change made through one
 * is heard by the
 * other, and a node that loses its listening connection keeps nothing until it listens again.
 */
@SpringBootTest(classes = PersistenceTestApplication.class)
class KeyChangeListenerTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration HEARD_WITHIN = Duration.ofSeconds(1);

    @Autowired MyBatisApiKeyRepository store;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired MyBatisKeyChangePublisher publisher;
    @Autowired MyBatisWorkspaceLockRepository lockStore;
    @Autowired Transactions transactions;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    private CachingApiKeyRepository nodeA;
    private CachingApiKeyRepository nodeB;
    private CachingWorkspaceLockRepository locksA;
    private CachingWorkspaceLockRepository locksB;
    private KeyChangeListener listenerA;
    private KeyChangeListener listenerB;

    @BeforeEach
    void startTwoNodes() {
        nodeA = new CachingApiKeyRepository(store, publisher, Duration.ofMinutes(10), 1_000);
        nodeB = new CachingApiKeyRepository(store, publisher, Duration.ofMinutes(10), 1_000);
        locksA = new CachingWorkspaceLockRepository(lockStore, publisher, Duration.ofMinutes(10), 1_000);
        locksB = new CachingWorkspaceLockRepository(lockStore, publisher, Duration.ofMinutes(10), 1_000);
        listenerA = new KeyChangeListener(dataSource, List.of(nodeA, locksA), Duration.ofSeconds(5));
        listenerB = new KeyChangeListener(dataSource, List.of(nodeB, locksB), Duration.ofSeconds(5));
        listenerA.start();
        listenerB.start();
        assertThat(eventually(Duration.ofSeconds(5), () -> nodeA.isListening() && nodeB.isListening()
                && locksA.isListening() && locksB.isListening())).isTrue();
    }

    @AfterEach
    void stopThem() {
        listenerA.stop();
        listenerB.stop();
        assertThat(nodeA.isListening()).isFalse();
        assertThat(locksA.isListening()).isFalse();
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        ApiKey key = newKey();
        assertThat(nodeB.findByHash(key.hash())).contains(key);
        assertThat(nodeB.size()).as("B keeps it").isOne();

        ApiKey revoked = key.revoke(now());
        transactions.inTransaction(() -> nodeA.revoke(revoked, revoked.revokedAt()));

        assertThat(nodeA.findByHash(key.hash())).as("at once on the node that revoked it").contains(revoked);
        assertThat(eventually(HEARD_WITHIN, () -> nodeB.findByHash(key.hash()).orElseThrow().revokedAt() != null))
                .as("heard by the other node").isTrue();
    }

    @Test
    void aChangeRolledBackIsNotAnnounced() {
        ApiKey key = newKey();
        nodeB.findByHash(key.hash());

        try {
            transactions.inTransaction(() -> {
                nodeA.revoke(key.revoke(now()), now());
                throw new IllegalStateException("rolled back");
            });
        } catch (IllegalStateException expected) {
            // the revocation never happened
        }
        // announcements arrive in commit order: once B has heard a later one, it would have heard the first
        ApiKey later = newKey();
        nodeB.findByHash(later.hash());
        transactions.inTransaction(() -> nodeA.revoke(later.revoke(now()), now()));
        assertThat(eventually(HEARD_WITHIN, () -> nodeB.size() == 1)).as("B heard the later change").isTrue();

        assertThat(nodeB.findByHash(key.hash()).orElseThrow().revokedAt()).isNull();
        assertThat(nodeB.size()).as("B still keeps the key the rollback did not change").isOne();
        assertThat(store.findByHash(key.hash()).orElseThrow().revokedAt()).isNull();
    }

    @Test
    void aNodeThatLostItsConnectionForgetsWhatItMayHaveMissedAndListensAgain() {
        ApiKey key = newKey();
        nodeB.findByHash(key.hash());
        int lostPid = listenerB.backendPid();
        assertThat(lostPid).isPositive();

        jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, lostPid);
        // a change B cannot hear: made behind the cache's back, without an announcement
        jdbc.update("update api_keys set revoked_at = now() where id = ?", key.id().value());

        assertThat(eventually(Duration.ofSeconds(5), () -> nodeB.findByHash(key.hash()).orElseThrow().revokedAt() != null))
                .as("B forgot what it kept when the connection was lost").isTrue();
        assertThat(eventually(Duration.ofSeconds(5), () -> listenerB.backendPid() > 0 && nodeB.isListening()))
                .as("B listens again on a new connection").isTrue();
        assertThat(listenerB.backendPid()).isNotEqualTo(lostPid);

        ApiKey other = newKey();
        nodeB.findByHash(other.hash());
        transactions.inTransaction(() -> nodeA.revoke(other.revoke(now()), now()));
        assertThat(eventually(HEARD_WITHIN, () -> nodeB.findByHash(other.hash()).orElseThrow().revokedAt() != null))
                .as("and hears changes again").isTrue();
    }

    @Test
    void theListeningSessionIsNamedForOperators() {
        assertThat(jdbc.queryForObject("select application_name from pg_stat_activity where pid = ?", String.class,
                listenerA.backendPid())).isEqualTo("latchkey-key-changes");
    }

    // --- the kill switch, on the same connection

    @Test
    void aWorkspaceLockedOnOneNodeIsLockedOnTheOtherWithinASecondAndUnlockedLikewise() {
        WorkspaceId workspace = newWorkspace();
        assertThat(locksB.lockedAt(workspace)).isEmpty();
        assertThat(locksB.holds(workspace)).as("B keeps \"not locked\"").isTrue();

        Instant at = now();
        transactions.inTransaction(() -> locksA.lock(workspace, at));

        assertThat(locksA.lockedAt(workspace)).as("at once on the node that locked it").contains(at);
        assertThat(eventually(HEARD_WITHIN, () -> locksB.lockedAt(workspace).isPresent())).as("heard by B").isTrue();
        assertThat(locksB.lockedAt(workspace)).contains(at);

        transactions.inTransaction(() -> locksB.unlock(workspace));
        assertThat(eventually(HEARD_WITHIN, () -> locksA.lockedAt(workspace).isEmpty())).as("heard by A").isTrue();
    }

    @Test
    void aLockChangeLeavesTheKeyCacheAloneAndAKeyChangeTheLockCache() {
        ApiKey key = newKey();
        WorkspaceId workspace = key.workspaceId();
        nodeB.findByHash(key.hash());
        locksB.lockedAt(workspace);

        transactions.inTransaction(() -> locksA.lock(workspace, now()));
        assertThat(eventually(HEARD_WITHIN, () -> !locksB.holds(workspace))).isTrue();
        assertThat(nodeB.holds(key.hash())).as("the key is still kept").isTrue();

        locksB.lockedAt(workspace);
        transactions.inTransaction(() -> nodeA.revoke(key.revoke(now()), now()));
        assertThat(eventually(HEARD_WITHIN, () -> !nodeB.holds(key.hash()))).isTrue();
        assertThat(locksB.holds(workspace)).as("the lock is still kept").isTrue();
    }

    @Test
    void anUnreadableAnnouncementMakesEveryCacheForgetEverything() {
        ApiKey key = newKey();
        nodeB.findByHash(key.hash());
        locksB.lockedAt(key.workspaceId());

        jdbc.queryForObject("select pg_notify(?, ?)::text", String.class, KeyChange.CHANNEL, "from a newer version");

        assertThat(eventually(HEARD_WITHIN, () -> !nodeB.holds(key.hash()) && !locksB.holds(key.workspaceId())))
                .isTrue();
    }

    @Test
    void aNodeThatLostItsConnectionForgetsTheLocksItKeptAndKeepsNoneUntilItListensAgain() {
        WorkspaceId workspace = newWorkspace();
        locksB.lockedAt(workspace);
        int lostPid = listenerB.backendPid();

        jdbc.queryForObject("select pg_terminate_backend(?)", Boolean.class, lostPid);
        // a lock B cannot hear: made behind the cache's back, without an announcement
        jdbc.update("update workspaces set locked_at = now() where id = ?", workspace.value());

        assertThat(eventually(Duration.ofSeconds(5), () -> locksB.lockedAt(workspace).isPresent()))
                .as("B forgot the \"not locked\" it kept when the connection was lost").isTrue();
        assertThat(eventually(Duration.ofSeconds(5), () -> listenerB.backendPid() > 0 && locksB.isListening()))
                .isTrue();
    }

    private WorkspaceId newWorkspace() {
        Workspace workspace = Workspace.create("Acme", NOW);
        workspaces.add(workspace);
        return workspace.id();
    }

    private ApiKey newKey() {
        Workspace workspace = Workspace.create("Acme", NOW);
        workspaces.add(workspace);
        ApiKey key = ApiKey.issue(workspace.id(), "k", KeyType.SECRET, Environment.LIVE, Set.of(Scope.KEYS_READ), 60,
                null, NOW, RANDOM).key();
        store.add(key, null); // unannounced: no node has looked it up yet, and an announcement would race the test
        return key;
    }

    /** As PostgreSQL stores it. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean eventually(Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
