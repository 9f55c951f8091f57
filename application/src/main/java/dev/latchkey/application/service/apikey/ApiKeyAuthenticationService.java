package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.RateLimiter;
import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.RateLimitStatus;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

import java.time.Clock;
import java.time.Instant;

/**
 * The checks in order: format (before any lookup), existence, revocation, expiry, the environments the deployment
 * serves, the workspace's kill switch (live keys only), the key's IP allowlist, and last its rate limit. A refused
 * request takes nothing from the rate limit and is not recorded as a use.
 */
public final class ApiKeyAuthenticationService implements AuthenticateApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final WorkspaceLockRepository locks;
    private final RateLimiter rateLimiter;
    private final UsageRecorder usage;
    private final ServedEnvironments served;
    private final Clock clock;

    /** {@code locks}: the kill switch of each workspace, asked for every live key (cached: no query per request). */
    public ApiKeyAuthenticationService(ApiKeyRepository keys, WorkspaceLockRepository locks, RateLimiter rateLimiter,
                                       UsageRecorder usage, ServedEnvironments served, Clock clock) {
        this.keys = keys;
        this.locks = locks;
        this.rateLimiter = rateLimiter;
        this.usage = usage;
        this.served = served;
        this.clock = clock;
    }

    /** A live key of a locked workspace is refused with {@code workspace_locked}. */
    @Override
    public Authentication authenticate(String presentedKey, String clientAddress) {
        return authenticate(presentedKey, clientAddress, false);
    }

    /**
     * Such a caller can do nothing else: the verify API changes nothing, and every live key it may verify (its own
     * workspace and environment) is locked.
     */
    @Override
    public Authentication authenticateToVerify(String presentedKey, String clientAddress) {
        return authenticate(presentedKey, clientAddress, true);
    }

    private Authentication authenticate(String presentedKey, String clientAddress, boolean toVerify) {
        ApiKeySecret secret = ApiKeySecret.parse(presentedKey); // auth_format, before any lookup
        Instant now = clock.instant();
        ApiKey key = keys.findByHash(secret.hash())
                .orElseThrow(() -> new DomainException(ErrorCode.AUTH_INVALID, "API key is not valid"));
        switch (key.status(now)) {
            case REVOKED -> throw new DomainException(ErrorCode.AUTH_REVOKED, "API key has been revoked");
            case EXPIRED -> throw new DomainException(ErrorCode.AUTH_EXPIRED, "API key has expired");
            case ACTIVE, EXPIRING -> {
            }
        }
        served.require(key.environment());
        if (isLocked(key) && !(toVerify && key.holds(Scope.KEYS_VERIFY))) {
            throw new DomainException(ErrorCode.WORKSPACE_LOCKED,
                    "this workspace's live keys are locked (kill switch); an owner can unlock them");
        }
        if (!key.allowsAddress(clientAddress)) {
            throw new DomainException(ErrorCode.IP_NOT_ALLOWED,
                    "this key does not accept requests from your address; see its IP allowlist");
        }
        RateLimitStatus limit = rateLimiter.consume(key.id().value(), key.rateLimitPerMinute());
        if (limit.allowed()) {
            usage.record(key, now, clientAddress);
        }
        return new Authentication(new Caller.KeyCaller(key.id(), key.prefix(), key.type(), key.workspaceId(),
                key.environment(), key.scopes(), key.rateLimitPerMinute(), key.signing(), clientAddress), limit);
    }

    private boolean isLocked(ApiKey key) {
        return isLocked(key, locks);
    }

    /** The kill switch locks live keys only: for a test key the lock is never looked up. */
    static boolean isLocked(ApiKey key, WorkspaceLockRepository locks) {
        return key.environment() == Environment.LIVE && locks.lockedAt(key.workspaceId()).isPresent();
    }
}
