package dev.latchkey.domain.apikey;

import dev.latchkey.domain.common.Ids;

import java.util.Objects;

/** {@code key_…} */
public record ApiKeyId(String value) {

    public static final String PREFIX = "key";

    public ApiKeyId {
        Objects.requireNonNull(value, "value");
    }

    public static ApiKeyId newId() {
        return new ApiKeyId(Ids.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
