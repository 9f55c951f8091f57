package dev.latchkey.domain.apikey;

import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * An API key as stored: never the key itself, only its SHA-256, prefix and last four characters.
 */
public record ApiKey(
        ApiKeyId id,
        WorkspaceId workspaceId,
        String name,
        KeyType type,
        Environment environment,
        String prefix,
        String last4,
        KeyHash hash,
        Set<Scope> scopes,
        int rateLimitPerMinute,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String lastUsedIp) {

    /** Expiring keys within this window show as {@link ApiKeyStatus#EXPIRING}. */
    public static final Duration EXPIRING_WINDOW = Duration.ofDays(7);
    public static final int MAX_NAME_LENGTH = 100;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = Collections.unmodifiableSortedSet(Scope.sorted(Set.copyOf(scopes)));
        if (rateLimitPerMinute <= 0) {
            throw new IllegalArgumentException("rate limit must be positive");
        }
    }

    /** Issues a new key of this workspace; the returned secret is shown once and never stored. */
    public static IssuedApiKey issue(WorkspaceId workspaceId, String name, KeyType type, Environment environment,
                                     Set<Scope> scopes, int rateLimitPerMinute, Instant expiresAt,
                                     Instant now, RandomGenerator random) {
        ApiKeySecret secret = ApiKeySecret.generate(type, environment, random);
        ApiKey key = new ApiKey(ApiKeyId.newId(), workspaceId, name, type, environment, secret.prefix(),
                secret.last4(), secret.hash(), scopes, rateLimitPerMinute, now, expiresAt,
                null, null, null);
        return new IssuedApiKey(key, secret);
    }

    public ApiKeyStatus status(Instant now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) {
            return ApiKeyStatus.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return ApiKeyStatus.EXPIRED;
        }
        if (expiresAt != null && expiresAt.isBefore(now.plus(EXPIRING_WINDOW))) {
            return ApiKeyStatus.EXPIRING;
        }
        return ApiKeyStatus.ACTIVE;
    }
}
