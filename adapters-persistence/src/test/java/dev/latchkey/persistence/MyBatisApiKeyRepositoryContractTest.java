package dev.latchkey.persistence;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.contract.ApiKeyRepositoryContract;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.apikey.KeySpec;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on PostgreSQL, plus what only a real database can show: concurrency, and what is stored where. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisApiKeyRepositoryContractTest extends ApiKeyRepositoryContract {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired MyBatisApiKeyRepository keys;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcTemplate jdbc;

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected WorkspaceId newWorkspace() {
        Workspace workspace = Workspace.create("Acme", NOW);
        workspaces.add(workspace);
        return workspace.id();
    }

    /** A locked key cannot be changed by another transaction until the lock's transaction ends. */
    @Test
    void findByIdForUpdateLocksTheKeyUntilTheTransactionEnds() throws Exception {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = add(ApiKey.issue(workspace, "k", KeyType.SECRET, Environment.LIVE, Set.of(Scope.KEYS_READ), 60,
                null, NOW, RANDOM).key());
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            template.executeWithoutResult(status -> {
                assertThat(keys.findByIdForUpdate(workspace, Environment.LIVE, key.id())).isPresent();
                CompletableFuture<Throwable> blocked = CompletableFuture.supplyAsync(() -> {
                    try {
                        template.executeWithoutResult(inner -> {
                            jdbc.execute("set local lock_timeout = '200ms'");
                            keys.revoke(key, NOW);
                        });
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }, other);
                assertThat(blocked.join()).as("the other transaction waits for the lock and gives up").isNotNull();
            });
            assertThat(keys.revoke(key, NOW)).as("free again once the transaction has ended").isTrue();
        } finally {
            other.shutdownNow();
        }
    }

    /**
     * Two rolls of one key in two concurrent transactions, as the service runs them (insert the successor, then
     * retire; roll back when retire says no): exactly one wins, and the loser leaves nothing behind.
     */
    @Test
    void ofTwoConcurrentRollsExactlyOneRetiresTheKey() throws Exception {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = add(ApiKey.issue(workspace, "k", KeyType.SECRET, Environment.LIVE, Set.of(Scope.KEYS_READ), 60,
                null, NOW, RANDOM).key());
        // both with a grace period: only rolled_to_id tells the loser that the key was rolled meanwhile
        List<KeyRoll> rolls = List.of(key.roll(Duration.ofHours(1), NOW, RANDOM),
                key.roll(Duration.ofHours(2), NOW, RANDOM));
        CyclicBarrier bothInserted = new CyclicBarrier(2);
        TransactionTemplate template = new TransactionTemplate(transactionManager);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<Boolean>> outcomes = rolls.stream().map(roll -> CompletableFuture.supplyAsync(() ->
                    template.execute(status -> {
                        keys.add(roll.successor().key(), null);
                        await(bothInserted);
                        boolean retired = keys.retire(roll.retired());
                        if (retired) {
                            sleep(200); // hold the row lock while the other transaction's update waits for it
                        } else {
                            status.setRollbackOnly();
                        }
                        return retired;
                    }), threads)).toList();

            List<Boolean> results = outcomes.stream().map(CompletableFuture::join).toList();

            assertThat(results).containsExactlyInAnyOrder(true, false);
            KeyRoll winner = rolls.get(results.indexOf(true));
            KeyRoll loser = rolls.get(results.indexOf(false));
            assertThat(keys.findById(workspace, Environment.LIVE, key.id())).contains(winner.retired());
            assertThat(keys.findById(workspace, Environment.LIVE, winner.successor().key().id())).isPresent();
            assertThat(keys.findById(workspace, Environment.LIVE, loser.successor().key().id())).isEmpty();
        } finally {
            threads.shutdown();
            assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void theSealedSecretIsStoredOnlyForSigningKeysAndTheKeyItselfNowhere() {
        WorkspaceId workspace = newWorkspace();
        var issued = ApiKey.issue(workspace, new KeySpec("Signer", KeyType.SECRET, Environment.LIVE,
                Set.of(Scope.KEYS_READ), 60, null, List.of(), true), NOW, RANDOM);
        byte[] sealed = {10, 20, 30, 40};
        add(issued.key(), new SealedSecret(sealed));
        ApiKey plain = add(ApiKey.issue(workspace, "Plain", KeyType.SECRET, Environment.LIVE, Set.of(), 60, null,
                NOW, RANDOM).key());

        assertThat(jdbc.queryForObject("select sealed_secret from api_keys where id = ?", byte[].class,
                issued.key().id().value())).isEqualTo(sealed);
        assertThat(jdbc.queryForObject("select sealed_secret is null from api_keys where id = ?", Boolean.class,
                plain.id().value())).isTrue();
        assertThat(jdbc.queryForList("select concat_ws('|', id, name, prefix, last4, key_hash, scopes::text, "
                + "encode(sealed_secret, 'escape')) from api_keys", String.class))
                .noneMatch(row -> row.contains(issued.secret().reveal()));
    }

    @Test
    void signingSecretsAreReadThroughTheirPartialIndex() {
        assertThat(PersistenceTestPlans.explain(transactionManager, jdbc, """
                select k.sealed_secret from api_keys k
                where k.workspace_id = 'ws' and k.environment = 'live' and k.signing and k.revoked_at is null""",
                List.of())).contains("api_keys_signing_idx");
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
