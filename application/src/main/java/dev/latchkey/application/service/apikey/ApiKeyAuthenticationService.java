package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

import java.time.Clock;

public final class ApiKeyAuthenticationService implements AuthenticateApiKeyUseCase {

    private final ApiKeyRepository keys;
    private final Clock clock;

    public ApiKeyAuthenticationService(ApiKeyRepository keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Caller.KeyCaller authenticate(String presentedKey) {
        ApiKeySecret secret = ApiKeySecret.parse(presentedKey); // auth_format, before any lookup
        ApiKey key = keys.findByHash(secret.hash())
                .orElseThrow(() -> new DomainException(ErrorCode.AUTH_INVALID, "API key is not valid"));
        switch (key.status(clock.instant())) {
            case REVOKED -> throw new DomainException(ErrorCode.AUTH_REVOKED, "API key has been revoked");
            case EXPIRED -> throw new DomainException(ErrorCode.AUTH_EXPIRED, "API key has expired");
            case ACTIVE, EXPIRING -> {
            }
        }
        return new Caller.KeyCaller(key.id(), key.prefix(), key.workspaceId(), key.environment(), key.scopes(),
                key.rateLimitPerMinute());
    }
}
