package dev.latchkey.web.apikey;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /v1/keys/{id}/roll}: how long the old key keeps working (optional body). */
public record RollApiKeyRequest(
        @Schema(description = "Grace period of the old key, never beyond its own expiry; 0 revokes it at once",
                minimum = "0", maximum = "604800", defaultValue = "86400") Long expiresInSeconds) {
}
