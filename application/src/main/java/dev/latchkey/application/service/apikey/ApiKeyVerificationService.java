package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.RateLimiter;
import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.application.service.CallerAccess;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.MalformedKeyException;
import dev.latchkey.domain.apikey.RateLimitStatus;
import dev.latchkey.domain.apikey.Scope;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class ApiKeyVerificationService implements VerifyApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final WorkspaceLockRepository locks;
    private final RateLimiter rateLimiter;
    private final UsageRecorder usage;
    private final Clock clock;

    public ApiKeyVerificationService(ApiKeyRepository keys, WorkspaceLockRepository locks, RateLimiter rateLimiter,
                                     UsageRecorder usage, Clock clock) {
        this.keys = keys;
        this.locks = locks;
        this.rateLimiter = rateLimiter;
        this.usage = usage;
        this.clock = clock;
    }

    /**
     * The checks in order: format, existence in the caller's workspace, environment, revocation, expiry, the
     * workspace's kill switch (live keys only: {@code LOCKED}), the key's IP allowlist (a key with an allowlist fails
     * closed when no address is given), its rate limit (the verification is a use of the key), and last the scopes
     * asked for.
     */
    @Override
    public Verification verify(Caller.KeyCaller caller, VerifyCommand command) {
        CallerAccess.requireRead(caller, Scope.KEYS_VERIFY);
        ApiKeySecret secret;
        try {
            secret = ApiKeySecret.parse(command.key());
        } catch (MalformedKeyException e) {
            return answer(VerifyCode.MALFORMED);
        }
        Optional<ApiKey> found = keys.findByHash(secret.hash())
                .filter(key -> key.workspaceId().equals(caller.workspaceId()));
        if (found.isEmpty()) {
            return answer(VerifyCode.NOT_FOUND);
        }
        ApiKey key = found.get();
        if (key.environment() != caller.environment()) {
            return answer(VerifyCode.ENVIRONMENT_MISMATCH);
        }
        Instant now = clock.instant();
        switch (key.status(now)) {
            case REVOKED -> {
                return new Verification(VerifyCode.REVOKED, key, null);
            }
            case EXPIRED -> {
                return new Verification(VerifyCode.EXPIRED, key, null);
            }
            case ACTIVE, EXPIRING -> {
            }
        }
        if (ApiKeyAuthenticationService.isLocked(key, locks)) {
            return new Verification(VerifyCode.LOCKED, key, null);
        }
        if (!key.ipAllowlist().isEmpty()
                && (command.clientAddress() == null || !key.allowsAddress(command.clientAddress()))) {
            return new Verification(VerifyCode.IP_NOT_ALLOWED, key, null);
        }
        RateLimitStatus limit = rateLimiter.consume(key.id().value(), key.rateLimitPerMinute());
        if (!limit.allowed()) {
            return new Verification(VerifyCode.RATE_LIMITED, key, limit);
        }
        usage.record(key, now, command.clientAddress());
        if (!command.scopes().stream().allMatch(key::holds)) {
            return new Verification(VerifyCode.INSUFFICIENT_SCOPE, key, limit);
        }
        return new Verification(VerifyCode.VALID, key, limit);
    }

    private static Verification answer(VerifyCode code) {
        return new Verification(code, null, null);
    }
}
