package dev.latchkey.benchmarks;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The store behind the key cache: keys by hash in memory, counting the lookups that reach it. Only what the
 * authentication path uses is implemented.
 */
final class MapKeyStore implements ApiKeyRepository {

    private final Map<KeyHash, ApiKey> byHash = new ConcurrentHashMap<>();
    private final AtomicLong lookups = new AtomicLong();

    @Override
    public void add(ApiKey key, SealedSecret sealedSecret) {
        byHash.put(key.hash(), key);
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        lookups.incrementAndGet();
        return Optional.ofNullable(byHash.get(hash));
    }

    /** Lookups that reached this store (cache misses). */
    long lookups() {
        return lookups.get();
    }

    @Override
    public List<SigningSecret> signingSecrets(WorkspaceId workspaceId, Environment environment, Instant now) {
        return List.of();
    }

    @Override
    public Optional<ApiKey> findById(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        throw new UnsupportedOperationException("not on the authentication path");
    }

    @Override
    public Optional<ApiKey> findByIdForUpdate(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        throw new UnsupportedOperationException("not on the authentication path");
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspaceId, Environment environment, Optional<KeyType> type,
                             Optional<ApiKeyStatus> status, Instant now, String afterId, int limit) {
        throw new UnsupportedOperationException("not on the authentication path");
    }

    /** Not on the authentication path (and, without {@code @Override}, compiles whether the port has it or not). */
    public long countUsable(WorkspaceId workspaceId, Environment environment, Instant now) {
        throw new UnsupportedOperationException("not on the authentication path");
    }

    @Override
    public boolean update(ApiKey key) {
        throw new UnsupportedOperationException("not on the authentication path");
    }

    @Override
    public boolean revoke(ApiKey key, Instant at) {
        throw new UnsupportedOperationException("not on the authentication path");
    }

    @Override
    public boolean retire(ApiKey retired) {
        throw new UnsupportedOperationException("not on the authentication path");
    }
}
