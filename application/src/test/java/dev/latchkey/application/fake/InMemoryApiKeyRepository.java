package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SigningSecret;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Keys in memory, behaving like the SQL adapter (see ApiKeyRepositoryContract): newest first (ties broken by id,
 * descending), the same constraints (unique id, hash and successor; a sealed secret exactly for signing keys; a
 * successor that exists), and the same conditional updates. Counts the authentication lookups and listings.
 * Built with a {@link DirectTransactions}, it refuses writes outside a transaction.
 */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    private static final Comparator<ApiKey> NEWEST_FIRST = Comparator.comparing(ApiKey::createdAt)
            .thenComparing(key -> key.id().value()).reversed();

    private final Map<String, ApiKey> byId = new LinkedHashMap<>();
    private final Map<String, SealedSecret> sealedSecrets = new HashMap<>();
    private final DirectTransactions transactions;
    private int findByHashCalls;
    private int listCalls;

    /** Writes are accepted anywhere. */
    public InMemoryApiKeyRepository() {
        this(null);
    }

    /** Writes outside a transaction of {@code transactions} fail with an {@link IllegalStateException}. */
    public InMemoryApiKeyRepository(DirectTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized void add(ApiKey key, SealedSecret sealedSecret) {
        requireTransaction("add");
        if (byId.containsKey(key.id().value())) {
            throw new IllegalStateException("duplicate key id " + key.id());
        }
        if (byId.values().stream().anyMatch(stored -> stored.hash().equals(key.hash()))) {
            throw new IllegalStateException("duplicate key hash");
        }
        if (key.signing() != (sealedSecret != null)) {
            throw new IllegalStateException("a signing key needs its sealed secret, and only a signing key has one");
        }
        if (key.rolledToId() != null) {
            requireSuccessor(key.id(), key.rolledToId());
        }
        byId.put(key.id().value(), key);
        if (sealedSecret != null) {
            sealedSecrets.put(key.id().value(), sealedSecret);
        }
    }

    @Override
    public synchronized Optional<ApiKey> findByHash(KeyHash hash) {
        findByHashCalls++;
        return byId.values().stream().filter(key -> key.hash().equals(hash)).findFirst();
    }

    @Override
    public synchronized Optional<ApiKey> findByIdForUpdate(WorkspaceId workspaceId, Environment environment,
                                                           ApiKeyId id) {
        return findById(workspaceId, environment, id); // one thread at a time here: nothing to lock
    }

    @Override
    public synchronized Optional<ApiKey> findById(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        return Optional.ofNullable(byId.get(id.value())).filter(key -> belongs(key, workspaceId, environment));
    }

    @Override
    public synchronized List<ApiKey> list(WorkspaceId workspaceId, Environment environment, Optional<KeyType> type,
                                          Optional<ApiKeyStatus> status, Instant now, String afterId, int limit) {
        listCalls++;
        ApiKey after = null;
        if (afterId != null) {
            after = byId.get(afterId);
            // like the SQL: a cursor from another workspace or environment matches nothing
            if (after == null || !belongs(after, workspaceId, environment)) {
                return List.of();
            }
        }
        ApiKey cursor = after;
        return byId.values().stream()
                .filter(key -> belongs(key, workspaceId, environment))
                .filter(key -> cursor == null || NEWEST_FIRST.compare(key, cursor) > 0)
                .filter(key -> type.isEmpty() || key.type() == type.get())
                .filter(key -> status.isEmpty() || key.status(now) == status.get())
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized long countUsable(WorkspaceId workspaceId, Environment environment, Instant now) {
        return byId.values().stream().filter(key -> belongs(key, workspaceId, environment) && key.isUsable(now)).count();
    }

    @Override
    public synchronized boolean update(ApiKey key) {
        requireTransaction("update");
        return replace(key, stored -> stored.edit(key.name(), key.scopes(), key.rateLimitPerMinute(),
                key.ipAllowlist()));
    }

    @Override
    public synchronized boolean revoke(ApiKey key, Instant at) {
        requireTransaction("revoke");
        Objects.requireNonNull(at, "at");
        ApiKey stored = byId.get(key.id().value());
        if (stored == null || stored.revokedAt() != null) {
            return false;
        }
        return replace(key, found -> found.revoke(at));
    }

    @Override
    public synchronized boolean retire(ApiKey retired) {
        requireTransaction("retire");
        Objects.requireNonNull(retired.rolledToId(), "a retired key names its successor");
        ApiKey stored = byId.get(retired.id().value());
        if (stored == null || !belongs(stored, retired.workspaceId(), retired.environment())
                || stored.rolledToId() != null || stored.revokedAt() != null) {
            return false;
        }
        requireSuccessor(retired.id(), retired.rolledToId());
        return replace(retired, found -> new ApiKey(found.id(), found.workspaceId(), found.name(), found.type(),
                found.environment(), found.prefix(), found.last4(), found.hash(), found.scopes(),
                found.rateLimitPerMinute(), found.ipAllowlist(), found.signing(), found.createdAt(),
                retired.expiresAt(), retired.revokedAt(), found.lastUsedAt(), found.lastUsedIp(),
                retired.rolledToId()));
    }

    @Override
    public synchronized List<SigningSecret> signingSecrets(WorkspaceId workspaceId, Environment environment,
                                                           Instant now) {
        return byId.values().stream()
                .filter(key -> belongs(key, workspaceId, environment) && key.signing() && key.isUsable(now))
                .sorted(NEWEST_FIRST)
                .map(key -> new SigningSecret(sealedSecrets.get(key.id().value()), usableUntil(key)))
                .toList();
    }

    private static Instant usableUntil(ApiKey key) {
        if (key.expiresAt() == null || key.revokedAt() == null) {
            return key.expiresAt() == null ? key.revokedAt() : key.expiresAt();
        }
        return key.expiresAt().isBefore(key.revokedAt()) ? key.expiresAt() : key.revokedAt();
    }

    /** The stored key with this id in any workspace: for the usage fake, which joins on keys like the SQL. */
    synchronized Optional<ApiKey> stored(ApiKeyId id) {
        return Optional.ofNullable(byId.get(id.value()));
    }

    /** Moves a key's last use forward, never back; false for an unknown key or an older use. */
    synchronized boolean touchLastUsed(ApiKeyId id, Instant at, String clientAddress) {
        ApiKey key = byId.get(id.value());
        if (key == null || (key.lastUsedAt() != null && !key.lastUsedAt().isBefore(at))) {
            return false;
        }
        String ip = clientAddress == null || clientAddress.length() <= 45 ? clientAddress
                : clientAddress.substring(0, 45);
        byId.put(id.value(), new ApiKey(key.id(), key.workspaceId(), key.name(), key.type(), key.environment(),
                key.prefix(), key.last4(), key.hash(), key.scopes(), key.rateLimitPerMinute(), key.ipAllowlist(),
                key.signing(), key.createdAt(), key.expiresAt(), key.revokedAt(), at, ip, key.rolledToId()));
        return true;
    }

    public synchronized int findByHashCalls() {
        return findByHashCalls;
    }

    public synchronized int listCalls() {
        return listCalls;
    }

    public synchronized List<ApiKey> all() {
        return new ArrayList<>(byId.values());
    }

    /** The sealed secret stored with a signing key. */
    public synchronized Optional<SealedSecret> sealedSecretOf(ApiKeyId id) {
        return Optional.ofNullable(sealedSecrets.get(id.value()));
    }

    private boolean replace(ApiKey key, java.util.function.UnaryOperator<ApiKey> change) {
        ApiKey stored = byId.get(key.id().value());
        if (stored == null || !belongs(stored, key.workspaceId(), key.environment())) {
            return false;
        }
        byId.put(stored.id().value(), change.apply(stored));
        return true;
    }

    private void requireSuccessor(ApiKeyId id, ApiKeyId successor) {
        // like the foreign key, the unique index and the check on rolled_to_id
        if (!byId.containsKey(successor.value()) || successor.equals(id)) {
            throw new IllegalStateException("no successor key " + successor);
        }
        if (byId.values().stream().anyMatch(other -> successor.equals(other.rolledToId()))) {
            throw new IllegalStateException("key " + successor + " already succeeds another key");
        }
    }

    private void requireTransaction(String write) {
        if (transactions != null && !transactions.active()) {
            throw new IllegalStateException("ApiKeyRepository." + write + " called outside a transaction");
        }
    }

    private static boolean belongs(ApiKey key, WorkspaceId workspaceId, Environment environment) {
        return key.workspaceId().equals(workspaceId) && key.environment() == environment;
    }
}
