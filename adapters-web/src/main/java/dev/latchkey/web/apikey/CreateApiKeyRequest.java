package dev.latchkey.web.apikey;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /v1/keys}: the writable fields of a key (PRODUCT.md §12). */
@Schema(description = "A new key. Only `name` and `type` are required.")
public record CreateApiKeyRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100, example = "Billing service") String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"pk", "sk", "rk"}) String type,
        @Schema(description = "User tokens only (default: the Latchkey-Environment header); a key creates in its own",
                allowableValues = {"live", "test"}) String environment,
        @Schema(description = "resource:action scopes; a key cannot grant a scope its creator lacks",
                example = "[\"keys:read\"]") List<String> scopes,
        @Schema(description = "Default: the plan's default") RateLimitSetting rateLimit,
        @Schema(format = "date-time", description = "RFC 3339; default: never expires",
                example = "2027-01-31T12:00:00Z") String expiresAt,
        @Schema(description = "CIDR blocks or addresses (Scale and Enterprise plans)", example = "[\"203.0.113.0/24\"]")
        List<String> ipAllowlist,
        @Schema(description = "Requests with this key must be signed (secret keys only)") Boolean signing) {

    @Schema(name = "RateLimitSetting")
    public record RateLimitSetting(@Schema(minimum = "1", example = "600") Integer requestsPerMinute) {
    }
}
