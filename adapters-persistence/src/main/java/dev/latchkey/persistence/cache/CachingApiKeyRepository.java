package dev.latchkey.persistence.cache;

import com.github.benmanes.caffeine.cache.Ticker;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The key store with the two lookups of the request path cached: {@link #findByHash} (found and not found alike, so
 * that well-formed unknown keys do not reach the database each time) and {@link #signingSecrets}. Everything else
 * goes straight to the store.
 * <p>
 * Correctness rules:
 * <ul>
 *   <li>Status is never cached: a cached key carries its expiry and revocation times and is judged at use, so expiry
 *       (and a revocation scheduled by a roll) takes effect on time without any invalidation.</li>
 *   <li>Every change made through this repository drops the entry at once and again after its transaction ends (a
 *       lookup in between could have read the row as it was before the commit), and is published inside the
 *       transaction, so that every other node drops its entry when the change commits ({@link #apply}).</li>
 *   <li>A lookup that raced a change is never kept, entries are kept only while the node hears the announcements
 *       ({@link #listening}), and they live at most {@code ttl}: see {@link AnnouncedCache}.</li>
 * </ul>
 */
public final class CachingApiKeyRepository implements ApiKeyRepository, ChangeFollower {

    private record Scope(WorkspaceId workspaceId, Environment environment) {
    }

    private final ApiKeyRepository store;
    private final KeyChangePublisher publisher;
    private final AnnouncedCache<KeyHash, Optional<ApiKey>> byHash;
    private final AnnouncedCache<Scope, List<SigningSecret>> signing;

    public CachingApiKeyRepository(ApiKeyRepository store, KeyChangePublisher publisher, Duration ttl,
                                   long maximumKeys) {
        this(store, publisher, ttl, maximumKeys, Ticker.systemTicker());
    }

    CachingApiKeyRepository(ApiKeyRepository store, KeyChangePublisher publisher, Duration ttl, long maximumKeys,
                            Ticker ticker) {
        this.store = store;
        this.publisher = publisher;
        this.byHash = new AnnouncedCache<>(ticker, ttl, maximumKeys);
        this.signing = new AnnouncedCache<>(ticker, ttl, Math.max(1, maximumKeys / 10));
    }

    // --- the cached lookups

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return byHash.get(hash, () -> store.findByHash(hash));
    }

    @Override
    public List<SigningSecret> signingSecrets(WorkspaceId workspaceId, Environment environment, Instant now) {
        // keys leave the usable set by time (filtered here) or by an announced change; they join it only by a change
        return signing.get(new Scope(workspaceId, environment),
                        () -> store.signingSecrets(workspaceId, environment, now))
                .stream().filter(secret -> secret.isUsableAt(now)).toList();
    }

    // --- changes: straight to the store, announced, and forgotten here

    @Override
    public void add(ApiKey key, SealedSecret sealedSecret) {
        store.add(key, sealedSecret); // drops a cached "not found" for its hash
        changed(key);
    }

    @Override
    public boolean update(ApiKey key) {
        return changed(key, store.update(key));
    }

    @Override
    public boolean revoke(ApiKey key, Instant at) {
        return changed(key, store.revoke(key, at));
    }

    @Override
    public boolean retire(ApiKey retired) {
        return changed(retired, store.retire(retired));
    }

    private boolean changed(ApiKey key, boolean stored) {
        if (stored) {
            changed(key);
        }
        return stored;
    }

    private void changed(ApiKey key) {
        AnnouncedCache.changed(publisher, KeyChange.of(key), this::apply);
    }

    // --- the uncached rest

    @Override
    public Optional<ApiKey> findById(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        return store.findById(workspaceId, environment, id);
    }

    @Override
    public Optional<ApiKey> findByIdForUpdate(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        return store.findByIdForUpdate(workspaceId, environment, id);
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspaceId, Environment environment, Optional<KeyType> type,
                             Optional<ApiKeyStatus> status, Instant now, String afterId, int limit) {
        return store.list(workspaceId, environment, type, status, now, afterId, limit);
    }

    @Override
    public long countUsable(WorkspaceId workspaceId, Environment environment, Instant now) {
        return store.countUsable(workspaceId, environment, now);
    }

    // --- what the listener tells

    /** Forgets what a change (here or on another node) made stale. */
    public void apply(KeyChange change) {
        byHash.forget(change.hash());
        signing.forget(new Scope(change.workspaceId(), change.environment()));
    }

    /** Key changes are applied; other kinds concern other caches. */
    @Override
    public void heard(Announcement announcement) {
        if (announcement instanceof KeyChange change) {
            apply(change);
        }
    }

    /** Forgets everything: for an announcement that could not be read. */
    @Override
    public void forgetAll() {
        byHash.forgetAll();
        signing.forgetAll();
    }

    /**
     * Whether this node hears every announcement. Either way everything is forgotten: what was cached before the
     * node started listening may have missed announcements, and nothing is cached while it does not listen.
     */
    @Override
    public void listening(boolean listening) {
        byHash.listening(listening);
        signing.listening(listening);
    }

    public boolean isListening() {
        return byHash.isListening();
    }

    /** Whether a lookup of {@code hash} would be answered from memory now (without looking it up). */
    public boolean holds(KeyHash hash) {
        return byHash.holds(hash);
    }

    /** Entries held now (found and not found): for tests and metrics. */
    public long size() {
        return byHash.size();
    }
}
