package dev.latchkey.persistence;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.KeyExpiryRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.contract.KeyExpiryRepositoryContract;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on PostgreSQL, plus what only a real database shows: two sweeps at once share the work. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisKeyExpiryRepositoryContractTest extends KeyExpiryRepositoryContract {

    @Autowired MyBatisApiKeyRepository keys;
    @Autowired MyBatisKeyExpiryRepository expiries;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcTemplate jdbc;

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }

    @Override
    protected KeyExpiryRepository expiries() {
        return expiries;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected WorkspaceId newWorkspace() {
        Workspace workspace = Workspace.create("Acme", T0);
        workspaces.add(workspace);
        return workspace.id();
    }

    /**
     * Two sweeps in two concurrent transactions, as nodes run them: the second passes over the keys the first holds
     * instead of waiting, and once the first has committed, the keys it recorded are not claimed again.
     */
    @Test
    void concurrentSweepsClaimDisjointKeysAndNeverRecordOneTwice() throws Exception {
        WorkspaceId workspace = newWorkspace();
        List<ApiKeyId> due = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            due.add(stored(workspace, T0.plusSeconds(i), null).id());
        }
        Instant now = T0.plusSeconds(60);
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<List<ApiKeyId>> first = CompletableFuture.supplyAsync(() -> template.execute(status -> {
                List<ApiKeyId> claimed = expiries.claimUnrecorded(now, 2).stream()
                        .map(KeyExpiryRepository.ExpiredKey::id).toList();
                claimed.forEach(id -> expiries.markRecorded(id, now));
                firstHolds.countDown();
                await(secondDone); // hold the rows while the second sweep runs
                return claimed;
            }), other);
            assertThat(firstHolds.await(10, TimeUnit.SECONDS)).isTrue();

            List<ApiKeyId> second = template.execute(status -> {
                jdbc.execute("set local lock_timeout = '2s'"); // SKIP LOCKED must not wait at all
                return expiries.claimUnrecorded(now, 10).stream().map(KeyExpiryRepository.ExpiredKey::id).toList();
            });
            secondDone.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).containsExactly(due.get(0), due.get(1));
            assertThat(second).containsExactly(due.get(2), due.get(3));
            assertThat(claim(now, 10)).as("after the first committed").containsExactly(due.get(2), due.get(3));
        } finally {
            secondDone.countDown();
            other.shutdownNow();
        }
    }

    @Test
    void theRecordedTimeIsStoredOnTheKey() {
        ApiKey key = stored(newWorkspace(), T0, null);

        write(() -> expiries.markRecorded(key.id(), T0.plusSeconds(42)));

        assertThat(jdbc.queryForObject("select expiry_recorded_at from api_keys where id = ?", java.sql.Timestamp.class,
                key.id().value()).toInstant()).isEqualTo(T0.plusSeconds(42));
    }

    @Test
    void theSweepReadsThroughItsPartialIndex() {
        assertThat(PersistenceTestPlans.explain(transactionManager, jdbc, """
                select id from api_keys
                where expiry_recorded_at is null and expires_at is not null
                  and (revoked_at is null or revoked_at > expires_at) and expires_at <= now()
                order by expires_at, id limit 100""", List.of())).contains("api_keys_expiry_unrecorded_idx");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
