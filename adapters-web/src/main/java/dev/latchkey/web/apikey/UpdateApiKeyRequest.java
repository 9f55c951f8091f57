package dev.latchkey.web.apikey;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The documented shape of {@code PATCH /v1/keys/{id}} (a JSON merge patch): only the fields present change. The
 * body itself is read as a tree by {@link KeyPatch}, which tells absent fields from nulls.
 */
@Schema(description = "Fields to change (JSON merge patch): only those present change. `type`, `environment`, "
        + "`signing`, `expiresAt` and the key itself never change (422). `ipAllowlist: null` clears the allowlist.")
public record UpdateApiKeyRequest(
        @Schema(maxLength = 100) String name,
        List<String> scopes,
        CreateApiKeyRequest.RateLimitSetting rateLimit,
        List<String> ipAllowlist) {
}
