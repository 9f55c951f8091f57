package dev.latchkey.application.fake;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Set;
import java.util.SplittableRandom;

/** Issues keys for tests from a seeded generator; the secret is kept so tests can present it. */
public final class TestKeys {

    private final SplittableRandom random = new SplittableRandom(42);

    public IssuedApiKey issue(WorkspaceId workspace, Environment environment, Set<Scope> scopes, Instant createdAt) {
        return ApiKey.issue(workspace, "test key", KeyType.SECRET, environment, scopes, 60, null, createdAt, random);
    }

    /** The caller a request with this key is, as authentication makes it (address unknown). */
    public static dev.latchkey.application.port.in.Caller.KeyCaller callerOf(ApiKey key) {
        return new dev.latchkey.application.port.in.Caller.KeyCaller(key.id(), key.prefix(), key.type(),
                key.workspaceId(), key.environment(), key.scopes(), key.rateLimitPerMinute(), key.signing());
    }

    /** The same key with other dates: how a revoked or expiring key looks when read back. */
    public static ApiKey withDates(ApiKey key, Instant expiresAt, Instant revokedAt) {
        return new ApiKey(key.id(), key.workspaceId(), key.name(), key.type(), key.environment(), key.prefix(),
                key.last4(), key.hash(), key.scopes(), key.rateLimitPerMinute(), key.ipAllowlist(), key.signing(),
                key.createdAt(), expiresAt, revokedAt, key.lastUsedAt(), key.lastUsedIp(), key.rolledToId());
    }
}
