package dev.latchkey.web.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.Scope;

import java.time.Instant;
import java.util.List;

/**
 * PRODUCT.md §12 key. {@code key} is present only in the response that issues it and omitted otherwise.
 */
public record ApiKeyResponse(
        String id,
        String name,
        String type,
        String environment,
        String prefix,
        String last4,
        List<String> scopes,
        RateLimit rateLimit,
        List<String> ipAllowlist,
        boolean signing,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt,
        String lastUsedIp,
        String rolledToId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    public record RateLimit(int requestsPerMinute) {
    }

    public static ApiKeyResponse issued(IssuedApiKey issued, Instant now) {
        ApiKey key = issued.key();
        return new ApiKeyResponse(key.id().value(), key.name(), key.type().code(), key.environment().code(),
                key.prefix(), key.last4(), key.scopes().stream().map(Scope::value).toList(),
                new RateLimit(key.rateLimitPerMinute()), List.of(), false, key.status(now).code(),
                key.createdAt(), key.expiresAt(), key.revokedAt(), key.lastUsedAt(), key.lastUsedIp(), null,
                issued.secret().reveal());
    }

    @Override
    public String toString() {
        return "ApiKeyResponse[id=" + id + ", prefix=" + prefix + "]";
    }
}
