package dev.latchkey.web.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.latchkey.web.security.JwtTokens;

/** OAuth 2.0 token response (RFC 6749 §5.1). */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn) {

    public static TokenResponse from(JwtTokens.IssuedToken token) {
        return new TokenResponse(token.value(), "bearer", token.expiresInSeconds());
    }

    @Override
    public String toString() {
        return "TokenResponse[access_token=redacted, expires_in=" + expiresIn + "]";
    }
}
