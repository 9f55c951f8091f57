package dev.latchkey.web.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.Scope;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * PRODUCT.md §12 key. {@code key} is present only in the response that issues it (create, roll, register) and
 * omitted otherwise; {@code status} is the key's status at the time of the response.
 */
@Schema(name = "ApiKey", description = "An API key. The full key is never stored; `key` appears only in the response "
        + "that issues it (create, roll, register).")
public record ApiKeyResponse(
        @Schema(example = "key_4eC39HqLyjWDarjtT1zdp7") String id,
        @Schema(example = "Billing service") String name,
        @Schema(allowableValues = {"pk", "sk", "rk"}) String type,
        @Schema(allowableValues = {"live", "test"}) String environment,
        @Schema(description = "The first 12 characters of the key", example = "sk_live_4eC3") String prefix,
        @Schema(description = "The last 4 characters of the key", example = "a1Zx") String last4,
        @Schema(example = "[\"keys:read\"]") List<String> scopes,
        RateLimit rateLimit,
        @Schema(description = "CIDR blocks the key may be used from; empty: anywhere") List<String> ipAllowlist,
        @Schema(description = "Whether requests with this key must be signed (secret keys only)") boolean signing,
        @Schema(allowableValues = {"active", "expiring", "revoked", "expired"}) String status,
        Instant createdAt,
        @Schema(types = {"string", "null"}, format = "date-time", description = "Null: never expires") Instant expiresAt,
        @Schema(types = {"string", "null"}, format = "date-time") Instant revokedAt,
        @Schema(types = {"string", "null"}, format = "date-time", description = "At most 60 s stale") Instant lastUsedAt,
        @Schema(types = {"string", "null"}) String lastUsedIp,
        @Schema(types = {"string", "null"}, description = "The key that replaced this one in a roll") String rolledToId,
        @Schema(description = "The full key, shown this once", example = "sk_live_…",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED)
        @JsonInclude(JsonInclude.Include.NON_NULL) String key) {

    @Schema(name = "KeyRateLimit")
    public record RateLimit(@Schema(example = "600") int requestsPerMinute) {
    }

    /** A stored key, as of {@code now}; without its secret. */
    public static ApiKeyResponse from(ApiKey key, Instant now) {
        return of(key, now, null);
    }

    /** A key just issued, with its secret: the one time it is shown. */
    public static ApiKeyResponse issued(IssuedApiKey issued, Instant now) {
        return of(issued.key(), now, issued.secret().reveal());
    }

    private static ApiKeyResponse of(ApiKey key, Instant now, String secret) {
        ApiKeyId rolledTo = key.rolledToId();
        return new ApiKeyResponse(key.id().value(), key.name(), key.type().code(), key.environment().code(),
                key.prefix(), key.last4(), key.scopes().stream().map(Scope::value).toList(),
                new RateLimit(key.rateLimitPerMinute()), key.ipAllowlist().stream().map(IpRange::toString).toList(),
                key.signing(), key.status(now).code(), key.createdAt(), key.expiresAt(), key.revokedAt(),
                key.lastUsedAt(), key.lastUsedIp(), rolledTo == null ? null : rolledTo.value(), secret);
    }

    @Override
    public String toString() {
        return "ApiKeyResponse[id=" + id + ", prefix=" + prefix + "]";
    }
}
