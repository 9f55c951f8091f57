package dev.latchkey.domain.apikey;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * An API key as stored: never the key itself, only its SHA-256, prefix and last four characters.
 * {@code rolledToId} names the key that replaced this one in a roll.
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
        List<IpRange> ipAllowlist,
        boolean signing,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String lastUsedIp,
        ApiKeyId rolledToId) {

    /** Expiring keys within this window show as {@link ApiKeyStatus#EXPIRING}. */
    public static final Duration EXPIRING_WINDOW = Duration.ofDays(7);
    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_IP_RANGES = 100;
    /** The longest grace period of a roll (PRODUCT.md §5): 7 days. */
    public static final Duration MAX_ROLL_GRACE = Duration.ofDays(7);
    public static final Duration DEFAULT_ROLL_GRACE = Duration.ofDays(1);

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        scopes = Collections.unmodifiableSortedSet(Scope.sorted(Set.copyOf(scopes)));
        ipAllowlist = List.copyOf(ipAllowlist);
        if (rateLimitPerMinute <= 0) {
            throw new IllegalArgumentException("rate limit must be positive");
        }
        if (signing && type != KeyType.SECRET) {
            throw new IllegalArgumentException("only secret keys sign requests");
        }
    }

    /** Issues a new key of this workspace; the returned secret is shown once and never stored. */
    public static IssuedApiKey issue(WorkspaceId workspaceId, KeySpec spec, Instant now, RandomGenerator random) {
        ApiKeySecret secret = ApiKeySecret.generate(spec.type(), spec.environment(), random);
        ApiKey key = new ApiKey(ApiKeyId.newId(), workspaceId, spec.name(), spec.type(), spec.environment(),
                secret.prefix(), secret.last4(), secret.hash(), spec.scopes(), spec.rateLimitPerMinute(),
                spec.ipAllowlist(), spec.signing(), now, spec.expiresAt(), null, null, null, null);
        return new IssuedApiKey(key, secret);
    }

    /** Issues a key without an allowlist or signing. */
    public static IssuedApiKey issue(WorkspaceId workspaceId, String name, KeyType type, Environment environment,
                                     Set<Scope> scopes, int rateLimitPerMinute, Instant expiresAt,
                                     Instant now, RandomGenerator random) {
        return issue(workspaceId, new KeySpec(name, type, environment, scopes, rateLimitPerMinute, expiresAt,
                List.of(), false), now, random);
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

    /** Still accepted at {@code now}: neither revoked nor expired. */
    public boolean isUsable(Instant now) {
        ApiKeyStatus status = status(now);
        return status == ApiKeyStatus.ACTIVE || status == ApiKeyStatus.EXPIRING;
    }

    /** What this key would be with the given spec's settings: the same key, same secret. */
    public KeySpec spec() {
        return new KeySpec(name, type, environment, scopes, rateLimitPerMinute, expiresAt, ipAllowlist, signing);
    }

    /**
     * Rolls this key (PRODUCT.md §5): a successor with the same name, type, environment, scopes, limits, allowlist,
     * signing and expiry; this key keeps working for {@code grace}, never beyond its own expiry, and a zero grace
     * revokes it at once. A key that is revoked, expired or already rolled cannot be rolled again.
     */
    /** Whether {@link #roll} would roll this key now: usable and not rolled before. */
    public boolean canRoll(Instant now) {
        return rolledToId == null && isUsable(now);
    }

    public KeyRoll roll(Duration grace, Instant now, RandomGenerator random) {
        if (grace.isNegative() || grace.compareTo(MAX_ROLL_GRACE) > 0) {
            throw new IllegalArgumentException("grace must be 0.." + MAX_ROLL_GRACE.toSeconds() + " seconds");
        }
        if (rolledToId != null) {
            throw new DomainException(ErrorCode.CONFLICT, "this key has already been rolled to " + rolledToId.value());
        }
        if (!isUsable(now)) {
            throw new DomainException(ErrorCode.CONFLICT, "a " + status(now).code() + " key cannot be rolled");
        }
        IssuedApiKey successor = issue(workspaceId, spec(), now, random);
        Instant graceEnd = now.plus(grace);
        Instant retiredExpiry = grace.isZero() ? expiresAt
                : expiresAt == null || graceEnd.isBefore(expiresAt) ? graceEnd : expiresAt;
        ApiKey retired = new ApiKey(id, workspaceId, name, type, environment, prefix, last4, hash, scopes,
                rateLimitPerMinute, ipAllowlist, signing, createdAt, retiredExpiry, grace.isZero() ? now : revokedAt,
                lastUsedAt, lastUsedIp, successor.key().id());
        return new KeyRoll(retired, successor);
    }

    /** This key revoked at {@code now}; a key already revoked keeps its first revocation time. */
    public ApiKey revoke(Instant now) {
        if (revokedAt != null && !revokedAt.isAfter(now)) {
            return this;
        }
        return new ApiKey(id, workspaceId, name, type, environment, prefix, last4, hash, scopes, rateLimitPerMinute,
                ipAllowlist, signing, createdAt, expiresAt, now, lastUsedAt, lastUsedIp, rolledToId);
    }

    /** This key with new editable settings (PRODUCT.md §12 PATCH); type, environment and secret never change. */
    public ApiKey edit(String newName, Set<Scope> newScopes, int newRateLimitPerMinute, List<IpRange> newIpAllowlist) {
        return new ApiKey(id, workspaceId, newName, type, environment, prefix, last4, hash, newScopes,
                newRateLimitPerMinute, newIpAllowlist, signing, createdAt, expiresAt, revokedAt, lastUsedAt,
                lastUsedIp, rolledToId);
    }

    /**
     * Whether this key holds {@code scope}: a secret key holds every scope, platform and custom (PRODUCT.md §1);
     * restricted and publishable keys hold exactly their list.
     */
    public boolean holds(Scope scope) {
        return type == KeyType.SECRET || scopes.contains(scope);
    }

    /** Whether a request from {@code address} may use this key: an empty allowlist allows every address. */
    public boolean allowsAddress(String address) {
        return ipAllowlist.isEmpty() || ipAllowlist.stream().anyMatch(range -> range.contains(address));
    }
}
