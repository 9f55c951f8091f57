package dev.latchkey.domain.apikey;

import java.util.Optional;

/** {@code pk} publishable, {@code sk} secret, {@code rk} restricted (PRODUCT.md §1). */
public enum KeyType {
    PUBLISHABLE("pk"),
    SECRET("sk"),
    RESTRICTED("rk");

    private final String code;

    KeyType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<KeyType> fromCode(String code) {
        for (KeyType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
