package dev.latchkey.domain.apikey;

import java.util.Optional;

/** Every key and every record of its use belongs to exactly one environment. */
public enum Environment {
    LIVE("live"),
    TEST("test");

    private final String code;

    Environment(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Environment> fromCode(String code) {
        for (Environment environment : values()) {
            if (environment.code.equals(code)) {
                return Optional.of(environment);
            }
        }
        return Optional.empty();
    }
}
