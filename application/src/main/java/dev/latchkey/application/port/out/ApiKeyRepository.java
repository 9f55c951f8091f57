package dev.latchkey.application.port.out;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stored keys. {@link #findByHash} is the authentication lookup: the one a cache wraps.
 * Every other query is confined to one workspace and environment.
 */
public interface ApiKeyRepository {

    /** Stores a new key; {@code sealedSecret} is its sealed secret when it signs requests, else null. */
    void add(ApiKey key, SealedSecret sealedSecret);

    Optional<ApiKey> findByHash(KeyHash hash);

    Optional<ApiKey> findById(WorkspaceId workspaceId, Environment environment, ApiKeyId id);

    /**
     * {@link #findById}, locking the key until the transaction ends: for read-modify-write changes (edit, roll,
     * revoke), so that two of them never both work from the same old state.
     */
    Optional<ApiKey> findByIdForUpdate(WorkspaceId workspaceId, Environment environment, ApiKeyId id);

    /**
     * Up to {@code limit} keys, newest first, strictly after the key {@code afterId} (null: from the newest),
     * optionally only of one type and of one status at {@code now}.
     */
    List<ApiKey> list(WorkspaceId workspaceId, Environment environment, Optional<KeyType> type,
                      Optional<ApiKeyStatus> status, Instant now, String afterId, int limit);

    /** How many keys of a workspace and environment are usable at {@code now} (neither revoked nor expired). */
    long countUsable(WorkspaceId workspaceId, Environment environment, Instant now);

    /** Stores a key's editable fields (name, scopes, rate limit, allowlist); false when there is no such key. */
    boolean update(ApiKey key);

    /** Sets the revocation time of a key not yet revoked; false when it was already revoked or is unknown. */
    boolean revoke(ApiKey key, Instant at);

    /**
     * Stores the retired side of a roll (its new expiry or revocation and {@code rolledToId}) only if the key has
     * not been rolled or revoked meanwhile: the database decides which of two concurrent rolls wins. False for
     * the loser.
     */
    boolean retire(ApiKey retired);

    /** The sealed secrets of the signing keys of a workspace and environment usable at {@code now}, newest first. */
    List<SigningSecret> signingSecrets(WorkspaceId workspaceId, Environment environment, Instant now);
}
