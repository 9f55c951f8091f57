package dev.latchkey.web.apikey;

import dev.latchkey.application.port.in.VerifyApiKeyUseCase.Verification;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.RateLimitStatus;
import dev.latchkey.domain.apikey.Scope;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** The answer of the verify API (PRODUCT.md §8); fields the verification did not learn are null. */
public record VerifyKeyResponse(
        boolean valid,
        @Schema(allowableValues = {"VALID", "MALFORMED", "NOT_FOUND", "REVOKED", "EXPIRED", "INSUFFICIENT_SCOPE",
                "RATE_LIMITED", "LOCKED", "IP_NOT_ALLOWED", "ENVIRONMENT_MISMATCH"}) String code,
        @Schema(types = {"string", "null"}, description = "Null unless the key was found") String keyId,
        @Schema(types = {"string", "null"}) String name,
        @Schema(types = {"string", "null"}, allowableValues = {"pk", "sk", "rk"}) String type,
        @Schema(types = {"string", "null"}, allowableValues = {"live", "test"}) String environment,
        @Schema(types = {"array", "null"}) List<String> scopes,
        @Schema(types = {"string", "null"}, format = "date-time") Instant expiresAt,
        @Schema(description = "The verified key's rate limit after this use; null when none was taken")
        RateLimit rateLimit) {

    @Schema(name = "VerifiedKeyRateLimit")
    public record RateLimit(int limit, int remaining,
                            @Schema(description = "When the window resets, in Unix epoch seconds") long reset) {
    }

    public static VerifyKeyResponse from(Verification verification) {
        ApiKey key = verification.key();
        RateLimitStatus limit = verification.rateLimit();
        return new VerifyKeyResponse(verification.valid(), verification.code().name(),
                key == null ? null : key.id().value(),
                key == null ? null : key.name(),
                key == null ? null : key.type().code(),
                key == null ? null : key.environment().code(),
                key == null ? null : key.scopes().stream().map(Scope::value).toList(),
                key == null ? null : key.expiresAt(),
                limit == null ? null : new RateLimit(limit.limit(), limit.remaining(), limit.resetEpochSecond()));
    }
}
