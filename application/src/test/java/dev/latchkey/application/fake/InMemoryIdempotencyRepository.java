package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.IdempotencyRepository;
import dev.latchkey.application.port.out.SealedSecret;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Idempotency records in memory, behaving like the SQL adapter (see IdempotencyRepositoryContract). Built with a
 * {@link DirectTransactions}, it refuses writes outside a transaction.
 */
public final class InMemoryIdempotencyRepository implements IdempotencyRepository {

    private record Id(String scope, String key) {
    }

    private final Map<Id, IdempotencyRecord> records = new LinkedHashMap<>();
    private final DirectTransactions transactions;

    /** Writes are accepted anywhere. */
    public InMemoryIdempotencyRepository() {
        this(null);
    }

    /** Writes outside a transaction of {@code transactions} fail with an {@link IllegalStateException}. */
    public InMemoryIdempotencyRepository(DirectTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized boolean claim(String scope, String key, byte[] fingerprint, Instant at) {
        requireTransaction("claim");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(at, "at");
        return records.putIfAbsent(new Id(scope, key),
                new IdempotencyRecord(scope, key, fingerprint.clone(), at, null, null, null)) == null;
    }

    @Override
    public synchronized Optional<IdempotencyRecord> find(String scope, String key) {
        return Optional.ofNullable(records.get(new Id(scope, key))).map(found -> new IdempotencyRecord(found.scope(),
                found.key(), found.fingerprint().clone(), found.createdAt(), found.status(), found.contentType(),
                found.body()));
    }

    @Override
    public synchronized void complete(String scope, String key, int status, String contentType, SealedSecret body) {
        requireTransaction("complete");
        records.computeIfPresent(new Id(scope, key), (id, found) -> new IdempotencyRecord(scope, key,
                found.fingerprint(), found.createdAt(), status, contentType, body));
    }

    @Override
    public synchronized void delete(String scope, String key) {
        requireTransaction("delete");
        records.remove(new Id(scope, key));
    }

    @Override
    public synchronized int purgeCreatedBefore(Instant before) {
        requireTransaction("purgeCreatedBefore");
        List<Id> old = records.entrySet().stream().filter(e -> e.getValue().createdAt().isBefore(before))
                .map(Map.Entry::getKey).toList();
        old.forEach(records::remove);
        return old.size();
    }

    public synchronized int size() {
        return records.size();
    }

    private void requireTransaction(String write) {
        if (transactions != null && !transactions.active()) {
            throw new IllegalStateException("IdempotencyRepository." + write + " called outside a transaction");
        }
    }
}
