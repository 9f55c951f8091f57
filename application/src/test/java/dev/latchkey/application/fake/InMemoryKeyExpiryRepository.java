package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.KeyExpiryRepository;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The expiry sweep's view of an {@link InMemoryApiKeyRepository}, behaving like the SQL adapter (see
 * KeyExpiryRepositoryContract), one thread at a time: nothing to hold or pass over. Built with a
 * {@link DirectTransactions}, it refuses to work outside a transaction.
 */
public final class InMemoryKeyExpiryRepository implements KeyExpiryRepository {

    private static final Comparator<ApiKey> EARLIEST_EXPIRY_FIRST = Comparator.comparing(ApiKey::expiresAt)
            .thenComparing(key -> key.id().value());

    private final InMemoryApiKeyRepository keys;
    private final DirectTransactions transactions;
    private final Map<ApiKeyId, Instant> recordedAt = new HashMap<>();

    public InMemoryKeyExpiryRepository(InMemoryApiKeyRepository keys, DirectTransactions transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    public synchronized List<ExpiredKey> claimUnrecorded(Instant now, int limit) {
        requireTransaction("claimUnrecorded");
        return keys.all().stream()
                .filter(key -> key.expiresAt() != null && !key.expiresAt().isAfter(now))
                .filter(key -> key.revokedAt() == null || key.revokedAt().isAfter(key.expiresAt()))
                .filter(key -> !recordedAt.containsKey(key.id()))
                .sorted(EARLIEST_EXPIRY_FIRST)
                .limit(limit)
                .map(key -> new ExpiredKey(key.id(), key.workspaceId(), key.environment(), key.prefix(),
                        key.expiresAt()))
                .toList();
    }

    @Override
    public synchronized boolean markRecorded(ApiKeyId id, Instant at) {
        requireTransaction("markRecorded");
        if (keys.stored(id).isEmpty() || recordedAt.containsKey(id)) {
            return false;
        }
        recordedAt.put(id, at);
        return true;
    }

    public synchronized Map<ApiKeyId, Instant> recorded() {
        return Map.copyOf(recordedAt);
    }

    private void requireTransaction(String call) {
        if (transactions != null && !transactions.active()) {
            throw new IllegalStateException("KeyExpiryRepository." + call + " called outside a transaction");
        }
    }
}
