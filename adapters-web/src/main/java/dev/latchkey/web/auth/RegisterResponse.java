package dev.latchkey.web.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.web.apikey.ApiKeyResponse;
import dev.latchkey.web.workspace.WorkspaceResponse;

/** The token fields plus the new workspace and its first key, whose {@code key} is shown this once. */
public record RegisterResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        WorkspaceResponse workspace,
        ApiKeyResponse apiKey) {

    @Override
    public String toString() {
        return "RegisterResponse[access_token=redacted, workspace=" + workspace + ", apiKey=" + apiKey + "]";
    }
}
