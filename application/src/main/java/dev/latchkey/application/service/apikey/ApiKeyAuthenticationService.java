package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.RateLimiter;
import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.RateLimitStatus;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

import java.time.Clock;
import java.time.Instant;

public final class ApiKeyAuthenticationService implements AuthenticateApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final RateLimiter rateLimiter;
    private final UsageRecorder usage;
    private final ServedEnvironments served;
    private final Clock clock;

    public ApiKeyAuthenticationService(ApiKeyRepository keys, RateLimiter rateLimiter, UsageRecorder usage,
                                       ServedEnvironments served, Clock clock) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
        this.usage = usage;
        this.served = served;
        this.clock = clock;
    }

    @Override
    public Authentication authenticate(String presentedKey, String clientAddress) {
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
}
