package dev.latchkey.application.port.out.contract;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.KeySpec;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Keys for the contracts. Secrets come from an unseeded generator: the SQL contracts share one database, whose
 * key hashes are unique.
 */
final class ContractKeys {

    static final SecureRandom RANDOM = new SecureRandom();

    private ContractKeys() {
    }

    static ApiKey key(WorkspaceId workspace, Environment environment, Instant createdAt) {
        return key(workspace, environment, KeyType.SECRET, false, createdAt, null);
    }

    static ApiKey key(WorkspaceId workspace, Environment environment, KeyType type, boolean signing, Instant createdAt,
                      Instant expiresAt) {
        Set<Scope> scopes = type == KeyType.PUBLISHABLE ? Set.of() : Set.of(Scope.KEYS_READ);
        return ApiKey.issue(workspace, new KeySpec("contract key", type, environment, scopes, 60, expiresAt,
                List.of(), signing), createdAt, RANDOM).key();
    }

    /** The same key with other dates. */
    static ApiKey withDates(ApiKey key, Instant expiresAt, Instant revokedAt) {
        return new ApiKey(key.id(), key.workspaceId(), key.name(), key.type(), key.environment(), key.prefix(),
                key.last4(), key.hash(), key.scopes(), key.rateLimitPerMinute(), key.ipAllowlist(), key.signing(),
                key.createdAt(), expiresAt, revokedAt, key.lastUsedAt(), key.lastUsedIp(), key.rolledToId());
    }

    /** The same key with every field set, last use included. */
    static ApiKey withLastUse(ApiKey key, Instant lastUsedAt, String lastUsedIp, List<IpRange> allowlist) {
        return new ApiKey(key.id(), key.workspaceId(), key.name(), key.type(), key.environment(), key.prefix(),
                key.last4(), key.hash(), key.scopes(), key.rateLimitPerMinute(), allowlist, key.signing(),
                key.createdAt(), key.expiresAt(), key.revokedAt(), lastUsedAt, lastUsedIp, key.rolledToId());
    }

    /** The same id and secret claimed by another workspace and environment: what a forged request would carry. */
    static ApiKey elsewhere(ApiKey key, WorkspaceId workspace, Environment environment) {
        return new ApiKey(key.id(), workspace, key.name(), key.type(), environment, key.prefix(), key.last4(),
                key.hash(), key.scopes(), key.rateLimitPerMinute(), key.ipAllowlist(), key.signing(),
                key.createdAt(), key.expiresAt(), key.revokedAt(), key.lastUsedAt(), key.lastUsedIp(),
                key.rolledToId());
    }

    static ApiKeyId unknownId() {
        return ApiKeyId.newId();
    }
}
