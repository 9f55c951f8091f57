package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Usage in memory, behaving like the SQL adapter (see UsageRepositoryContract): counts per key and minute and per
 * key and UTC day, of known keys only (others are dropped), the workspace and environment taken from the key; last
 * uses are written to the keys of an {@link InMemoryApiKeyRepository}. Counts its batches. Built with a
 * {@link DirectTransactions}, it refuses writes outside a transaction.
 */
public final class InMemoryUsageRepository implements UsageRepository {

    private record Row(ApiKeyId keyId, Instant start, WorkspaceId workspaceId, Environment environment) {
    }

    private final InMemoryApiKeyRepository keys;
    private final DirectTransactions transactions;
    private final Map<Row, Long> minutes = new HashMap<>();
    private final Map<Row, Long> days = new HashMap<>();
    private int addCountsCalls;
    private int touchLastUsedCalls;

    /** Writes are accepted anywhere. */
    public InMemoryUsageRepository(InMemoryApiKeyRepository keys) {
        this(keys, null);
    }

    /** Writes outside a transaction of {@code transactions} fail with an {@link IllegalStateException}. */
    public InMemoryUsageRepository(InMemoryApiKeyRepository keys, DirectTransactions transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public synchronized void addCounts(Collection<MinuteCount> counts) {
        requireTransaction("addCounts");
        addCountsCalls++;
        for (MinuteCount count : counts) {
            Optional<ApiKey> key = keys.stored(count.keyId());
            if (key.isEmpty()) {
                continue;
            }
            Instant minute = count.minute().truncatedTo(ChronoUnit.MINUTES);
            Instant day = minute.truncatedTo(ChronoUnit.DAYS);
            minutes.merge(new Row(count.keyId(), minute, key.get().workspaceId(), key.get().environment()),
                    count.requests(), Long::sum);
            days.merge(new Row(count.keyId(), day, key.get().workspaceId(), key.get().environment()),
                    count.requests(), Long::sum);
        }
    }

    @Override
    public synchronized void touchLastUsed(Collection<LastUse> uses) {
        requireTransaction("touchLastUsed");
        touchLastUsedCalls++;
        for (LastUse use : uses) {
            keys.touchLastUsed(use.keyId(), use.at(), use.clientAddress());
        }
    }

    @Override
    public synchronized int purgeMinutesBefore(Instant before) {
        requireTransaction("purgeMinutesBefore");
        int before0 = minutes.size();
        minutes.keySet().removeIf(row -> row.start().isBefore(before));
        return before0 - minutes.size();
    }

    @Override
    public synchronized List<Bucket> perMinute(WorkspaceId workspaceId, Environment environment,
                                               Optional<ApiKeyId> keyId, Instant from, Instant to) {
        return buckets(minutes, workspaceId, environment, keyId, from, to);
    }

    @Override
    public synchronized List<Bucket> perDay(WorkspaceId workspaceId, Environment environment,
                                            Optional<ApiKeyId> keyId, Instant from, Instant to) {
        return buckets(days, workspaceId, environment, keyId, from, to);
    }

    public synchronized int addCountsCalls() {
        return addCountsCalls;
    }

    public synchronized int touchLastUsedCalls() {
        return touchLastUsedCalls;
    }

    private static List<Bucket> buckets(Map<Row, Long> rows, WorkspaceId workspaceId, Environment environment,
                                        Optional<ApiKeyId> keyId, Instant from, Instant to) {
        Map<Instant, Long> byStart = new TreeMap<>();
        rows.forEach((row, requests) -> {
            if (row.workspaceId().equals(workspaceId) && row.environment() == environment
                    && (keyId.isEmpty() || row.keyId().equals(keyId.get()))
                    && !row.start().isBefore(from) && row.start().isBefore(to)) {
                byStart.merge(row.start(), requests, Long::sum);
            }
        });
        return byStart.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> new Bucket(e.getKey(), e.getValue())).toList();
    }

    private void requireTransaction(String write) {
        if (transactions != null && !transactions.active()) {
            throw new IllegalStateException("UsageRepository." + write + " called outside a transaction");
        }
    }
}
