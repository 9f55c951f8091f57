package dev.latchkey.persistence;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.persistence.cache.CachingApiKeyRepository;
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
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (two caches, each with its own listener) on one PostgreSQL: a change made through one is heard by the
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
    @Autowired Transactions transactions;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;

    private CachingApiKeyRepository nodeA;
    private CachingApiKeyRepository nodeB;
    private KeyChangeListener listenerA;
    private KeyChangeListener listenerB;

    @BeforeEach
    void startTwoNodes() {
        nodeA = new CachingApiKeyRepository(store, publisher, Duration.ofMinutes(10), 1_000);
        nodeB = new CachingApiKeyRepository(store, publisher, Duration.ofMinutes(10), 1_000);
        listenerA = new KeyChangeListener(dataSource, nodeA, Duration.ofSeconds(5));
        listenerB = new KeyChangeListener(dataSource, nodeB, Duration.ofSeconds(5));
        listenerA.start();
        listenerB.start();
        assertThat(eventually(Duration.ofSeconds(5), () -> nodeA.isListening() && nodeB.isListening())).isTrue();
    }

    @AfterEach
    void stopThem() {
        listenerA.stop();
        listenerB.stop();
        assertThat(nodeA.isListening()).isFalse();
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
