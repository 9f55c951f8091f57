package dev.latchkey.web.apikey;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /v1/keys/verify}: the key presented to the caller's service and the scopes it needs. */
public record VerifyKeyRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "The key to verify",
                example = "sk_live_…") String key,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Scopes the key must hold ([] checks none)",
                example = "[\"resources:read\"]") List<String> scopes,
        @Schema(description = "The address the key was presented from, checked against its IP allowlist",
                example = "203.0.113.7") String ip) {

    @Override
    public String toString() {
        return "VerifyKeyRequest[scopes=" + scopes + "]";
    }
}
