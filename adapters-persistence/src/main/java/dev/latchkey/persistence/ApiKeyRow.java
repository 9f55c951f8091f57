package dev.latchkey.persistence;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A row of {@code api_keys} without its sealed secret, which only {@code signingSecrets} reads. */
public record ApiKeyRow(String id, String workspaceId, String environment, String type, String name,
                        String prefix, String last4, String keyHash, String[] scopes, Integer rateLimitPerMinute,
                        String[] ipAllowlist, Boolean signing, Instant createdAt, Instant expiresAt,
                        Instant revokedAt, Instant lastUsedAt, String lastUsedIp, String rolledToId) {

    static ApiKeyRow from(ApiKey key) {
        return new ApiKeyRow(key.id().value(), key.workspaceId().value(), key.environment().code(),
                key.type().code(), key.name(), key.prefix(), key.last4(), key.hash().hex(),
                key.scopes().stream().map(Scope::value).toArray(String[]::new), key.rateLimitPerMinute(),
                key.ipAllowlist().stream().map(IpRange::toString).toArray(String[]::new), key.signing(),
                key.createdAt(), key.expiresAt(), key.revokedAt(), key.lastUsedAt(), key.lastUsedIp(),
                key.rolledToId() == null ? null : key.rolledToId().value());
    }

    ApiKey toDomain() {
        return new ApiKey(new ApiKeyId(id), new WorkspaceId(workspaceId), name,
                KeyType.fromCode(type).orElseThrow(), Environment.fromCode(environment).orElseThrow(),
                prefix, last4, new KeyHash(keyHash),
                Arrays.stream(scopes).map(Scope::new).collect(Collectors.toSet()), rateLimitPerMinute,
                Arrays.stream(ipAllowlist).map(IpRange::parse).toList(), signing,
                createdAt, expiresAt, revokedAt, lastUsedAt, lastUsedIp,
                rolledToId == null ? null : new ApiKeyId(rolledToId));
    }
}
