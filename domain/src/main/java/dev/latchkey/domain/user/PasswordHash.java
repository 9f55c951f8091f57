package dev.latchkey.domain.user;

import java.util.Objects;

/** A password as stored: the output of a slow adaptive hash. Never printed. */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
