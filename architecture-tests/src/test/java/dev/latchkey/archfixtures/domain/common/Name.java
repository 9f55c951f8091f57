package dev.latchkey.archfixtures.domain.common;

import java.util.Objects;

public record Name(String value) {
    public Name {
        Objects.requireNonNull(value, "value");
    }
}
