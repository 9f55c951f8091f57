package dev.latchkey.web.security;

import java.time.Duration;
import java.util.Objects;

/**
 * How dashboard-user tokens are signed (HS256) and how long they live. The deployment provides it
 * (from configuration, or a secret generated into the data folder).
 */
public record JwtSettings(byte[] secret, Duration tokenTtl) {

    public JwtSettings {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 32) {
            throw new IllegalArgumentException("the JWT secret must be at least 32 bytes");
        }
        if (tokenTtl == null || tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("the token lifetime must be positive");
        }
        secret = secret.clone();
    }

    @Override
    public String toString() {
        return "JwtSettings[secret=redacted, tokenTtl=" + tokenTtl + "]";
    }
}
