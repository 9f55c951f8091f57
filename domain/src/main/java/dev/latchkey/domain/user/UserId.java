package dev.latchkey.domain.user;

import dev.latchkey.domain.common.Ids;

import java.util.Objects;

/** {@code usr_…} */
public record UserId(String value) {

    public static final String PREFIX = "usr";

    public UserId {
        Objects.requireNonNull(value, "value");
    }

    public static UserId newId() {
        return new UserId(Ids.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
