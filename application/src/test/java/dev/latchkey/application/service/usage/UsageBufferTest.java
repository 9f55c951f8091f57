package dev.latchkey.application.service.usage;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryUsageRepository;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class UsageBufferTest {

    private static final Instant MINUTE = Instant.parse("2025-10-01T12:00:00Z");

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryUsageRepository stored = new InMemoryUsageRepository(keys, transactions);
    private final CapturingUsageRepository usage = new CapturingUsageRepository(stored);
    private final UsageBuffer buffer = new UsageBuffer(usage, transactions);
    private final TestKeys testKeys = new TestKeys();
    private final WorkspaceId workspace = WorkspaceId.newId();

    private ApiKey key(Environment environment) {
        ApiKey key = testKeys.issue(workspace, environment, Set.of(Scope.KEYS_READ), MINUTE.minus(Duration.ofDays(1)))
                .key();
        keys.add(key, null);
        return key;
    }

    private List<UsageRepository.Bucket> minutes(ApiKey key, Instant from, Instant to) {
        return stored.perMinute(key.workspaceId(), key.environment(), Optional.of(key.id()), from, to);
    }

    private long total(ApiKey key) {
        return stored.perDay(key.workspaceId(), key.environment(), Optional.of(key.id()), Instant.EPOCH,
                MINUTE.plus(Duration.ofDays(365))).stream().mapToLong(UsageRepository.Bucket::requests).sum();
    }

    private ApiKey storedKey(ApiKey key) {
        return keys.findById(key.workspaceId(), key.environment(), key.id()).orElseThrow();
    }

    @Test
    void usesAreCountedPerKeyAndMinuteInOneBatch() {
        ApiKey a = key(Environment.LIVE);
        ApiKey b = key(Environment.TEST);
        buffer.record(a, MINUTE.plusSeconds(1), "10.0.0.1");
        buffer.record(a, MINUTE.plusSeconds(30), "10.0.0.1");
        buffer.record(a, MINUTE.plusSeconds(59), "10.0.0.1");
        buffer.record(a, MINUTE.plusSeconds(60), "10.0.0.1");
        buffer.record(b, MINUTE.plusSeconds(10), "10.0.0.2");
        buffer.record(b, MINUTE.plusSeconds(11), "10.0.0.2");

        long written = buffer.flush();

        assertThat(written).isEqualTo(6);
        assertThat(usage.batches()).hasSize(1);
        assertThat(usage.batches().getFirst()).containsExactlyInAnyOrder(
                new UsageRepository.MinuteCount(a.id(), workspace, Environment.LIVE, MINUTE, 3),
                new UsageRepository.MinuteCount(a.id(), workspace, Environment.LIVE, MINUTE.plusSeconds(60), 1),
                new UsageRepository.MinuteCount(b.id(), workspace, Environment.TEST, MINUTE, 2));
        assertThat(minutes(a, MINUTE, MINUTE.plus(Duration.ofHours(1)))).containsExactly(
                new UsageRepository.Bucket(MINUTE, 3), new UsageRepository.Bucket(MINUTE.plusSeconds(60), 1));
        assertThat(minutes(b, MINUTE, MINUTE.plus(Duration.ofHours(1))))
                .containsExactly(new UsageRepository.Bucket(MINUTE, 2));
        assertThat(stored.addCountsCalls()).isEqualTo(1);
        assertThat(stored.touchLastUsedCalls()).isEqualTo(1);
        assertThat(transactions.count()).isEqualTo(1);
    }

    @Test
    void eachKeysLatestUseIsWrittenOnce() {
        ApiKey a = key(Environment.LIVE);
        ApiKey b = key(Environment.LIVE);
        buffer.record(a, MINUTE.plusSeconds(20), "192.0.2.20");
        buffer.record(a, MINUTE.plusSeconds(40), "192.0.2.40");
        buffer.record(a, MINUTE.plusSeconds(30), "192.0.2.30");
        buffer.record(b, MINUTE.plusSeconds(5), null);

        buffer.flush();

        assertThat(usage.lastUses().getFirst()).containsExactlyInAnyOrder(
                new UsageRepository.LastUse(a.id(), MINUTE.plusSeconds(40), "192.0.2.40"),
                new UsageRepository.LastUse(b.id(), MINUTE.plusSeconds(5), null));
        assertThat(storedKey(a).lastUsedAt()).isEqualTo(MINUTE.plusSeconds(40));
        assertThat(storedKey(a).lastUsedIp()).isEqualTo("192.0.2.40");
        assertThat(storedKey(b).lastUsedAt()).isEqualTo(MINUTE.plusSeconds(5));
    }

    @Test
    void anOlderUseNeverMovesTheLastUseBack() {
        ApiKey a = key(Environment.LIVE);
        buffer.record(a, MINUTE.plusSeconds(50), "192.0.2.50");
        buffer.flush();

        buffer.record(a, MINUTE.plusSeconds(10), "192.0.2.10");
        buffer.flush();

        assertThat(storedKey(a).lastUsedAt()).isEqualTo(MINUTE.plusSeconds(50));
        assertThat(storedKey(a).lastUsedIp()).isEqualTo("192.0.2.50");
        assertThat(total(a)).isEqualTo(2);
    }

    @Test
    void aSecondFlushWritesNothing() {
        ApiKey a = key(Environment.LIVE);
        buffer.record(a, MINUTE, "10.0.0.1");
        assertThat(buffer.pending()).isEqualTo(1);

        assertThat(buffer.flush()).isEqualTo(1);
        assertThat(buffer.pending()).isZero();
        assertThat(buffer.flush()).isZero();

        assertThat(usage.batches()).hasSize(1);
        assertThat(stored.addCountsCalls()).isEqualTo(1);
        assertThat(stored.touchLastUsedCalls()).isEqualTo(1);
        assertThat(transactions.count()).as("an empty flush opens no transaction").isEqualTo(1);
        assertThat(total(a)).isEqualTo(1);
    }

    @Test
    void anEmptyBufferWritesNothing() {
        assertThat(buffer.flush()).isZero();
        assertThat(usage.batches()).isEmpty();
        assertThat(transactions.count()).isZero();
    }

    @Test
    void aFailedFlushKeepsTheUsesForTheNextOne() {
        ApiKey a = key(Environment.LIVE);
        buffer.record(a, MINUTE.plusSeconds(1), "192.0.2.1");
        buffer.record(a, MINUTE.plusSeconds(2), "192.0.2.2");
        usage.failing(true);

        assertThat(buffer.flush()).isZero();
        assertThat(buffer.pending()).isEqualTo(2);
        assertThat(total(a)).isZero();

        buffer.record(a, MINUTE.plusSeconds(3), "192.0.2.3");
        buffer.record(a, MINUTE.plusSeconds(70), "192.0.2.70");
        usage.failing(false);

        assertThat(buffer.flush()).isEqualTo(4);
        assertThat(usage.batches().getLast()).containsExactlyInAnyOrder(
                new UsageRepository.MinuteCount(a.id(), workspace, Environment.LIVE, MINUTE, 3),
                new UsageRepository.MinuteCount(a.id(), workspace, Environment.LIVE, MINUTE.plusSeconds(60), 1));
        assertThat(total(a)).isEqualTo(4);
        assertThat(storedKey(a).lastUsedAt()).isEqualTo(MINUTE.plusSeconds(70));
        assertThat(buffer.pending()).isZero();
    }

    @Test
    void afterAFailedFlushTheNewestUseStillWins() {
        ApiKey a = key(Environment.LIVE);
        buffer.record(a, MINUTE.plusSeconds(30), "192.0.2.30");
        usage.failing(true);
        buffer.flush();
        usage.failing(false);
        buffer.record(a, MINUTE.plusSeconds(10), "192.0.2.10");

        buffer.flush();

        assertThat(usage.lastUses().getLast())
                .containsExactly(new UsageRepository.LastUse(a.id(), MINUTE.plusSeconds(30), "192.0.2.30"));
        assertThat(storedKey(a).lastUsedIp()).isEqualTo("192.0.2.30");
    }

    @Test
    void aFlushFailingTwiceLosesNothing() {
        ApiKey a = key(Environment.LIVE);
        for (int i = 0; i < 10; i++) {
            buffer.record(a, MINUTE.plusSeconds(i), "10.0.0.1");
        }
        usage.failing(true);
        buffer.flush();
        buffer.flush();
        usage.failing(false);

        assertThat(buffer.flush()).isEqualTo(10);
        assertThat(total(a)).isEqualTo(10);
    }

    @Test
    @Timeout(60)
    void concurrentRecordsWhileFlushingLoseNoCount() throws Exception {
        int threads = 8;
        int perThread = 20_000;
        List<ApiKey> used = List.of(key(Environment.LIVE), key(Environment.LIVE), key(Environment.TEST));
        Map<ApiKeyId, Map<Instant, Long>> expected = new HashMap<>();
        Map<ApiKeyId, Instant> latest = new HashMap<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < perThread; i++) {
                ApiKey key = used.get((t + i) % used.size());
                Instant at = MINUTE.plusSeconds(i % 240);
                expected.computeIfAbsent(key.id(), id -> new HashMap<>())
                        .merge(at.truncatedTo(ChronoUnit.MINUTES), 1L, Long::sum);
                latest.merge(key.id(), at, (x, y) -> x.isAfter(y) ? x : y);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean producing = new AtomicBoolean(true);
        AtomicInteger flushes = new AtomicInteger();
        try {
            List<Future<?>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                producers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        buffer.record(used.get((thread + i) % used.size()), MINUTE.plusSeconds(i % 240),
                                "10.0.0." + thread);
                    }
                    return null;
                }));
            }
            Future<?> flusher = pool.submit(() -> {
                start.await();
                while (producing.get()) {
                    // every third flush fails: its uses must come back for a later one
                    usage.failing(flushes.incrementAndGet() % 3 == 0);
                    buffer.flush();
                }
                return null;
            });
            start.countDown();
            for (Future<?> producer : producers) {
                producer.get(30, TimeUnit.SECONDS);
            }
            producing.set(false);
            flusher.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        usage.failing(false);
        buffer.flush();

        assertThat(buffer.pending()).isZero();
        assertThat(flushes.get()).as("flushes ran while recording").isGreaterThan(1);
        long written = 0;
        for (ApiKey key : used) {
            Map<Instant, Long> actual = new HashMap<>();
            minutes(key, MINUTE, MINUTE.plus(Duration.ofHours(1)))
                    .forEach(bucket -> actual.put(bucket.start(), bucket.requests()));
            assertThat(actual).as("counts of " + key.id()).isEqualTo(expected.get(key.id()));
            assertThat(storedKey(key).lastUsedAt()).isEqualTo(latest.get(key.id()));
            written += total(key);
        }
        assertThat(written).isEqualTo((long) threads * perThread);
    }

    /** Passes batches on to the in-memory store, remembering each; fails every write while told to. */
    private static final class CapturingUsageRepository implements UsageRepository {

        private final UsageRepository delegate;
        private final List<List<MinuteCount>> batches = new ArrayList<>();
        private final List<List<LastUse>> lastUses = new ArrayList<>();
        private volatile boolean failing;

        CapturingUsageRepository(UsageRepository delegate) {
            this.delegate = delegate;
        }

        void failing(boolean failing) {
            this.failing = failing;
        }

        @Override
        public synchronized void addCounts(Collection<MinuteCount> counts) {
            if (failing) {
                throw new IllegalStateException("database unavailable");
            }
            batches.add(List.copyOf(counts));
            delegate.addCounts(counts);
        }

        @Override
        public synchronized void touchLastUsed(Collection<LastUse> uses) {
            lastUses.add(List.copyOf(uses));
            delegate.touchLastUsed(uses);
        }

        @Override
        public int purgeMinutesBefore(Instant before) {
            throw new UnsupportedOperationException("the buffer never purges");
        }

        @Override
        public List<Bucket> perMinute(WorkspaceId workspaceId, Environment environment, Optional<ApiKeyId> keyId,
                                      Instant from, Instant to) {
            return delegate.perMinute(workspaceId, environment, keyId, from, to);
        }

        @Override
        public List<Bucket> perDay(WorkspaceId workspaceId, Environment environment, Optional<ApiKeyId> keyId,
                                   Instant from, Instant to) {
            return delegate.perDay(workspaceId, environment, keyId, from, to);
        }

        synchronized List<List<MinuteCount>> batches() {
            return List.copyOf(batches);
        }

        synchronized List<List<LastUse>> lastUses() {
            return List.copyOf(lastUses);
        }
    }
}
