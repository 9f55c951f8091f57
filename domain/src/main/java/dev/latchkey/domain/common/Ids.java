package dev.latchkey.domain.common;

import java.security.SecureRandom;

/** Opaque ids with a type prefix, e.g. {@code ws_3kTMd9Qx...}: 22 random base62 characters (about 131 bits). */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int RANDOM_LENGTH = 22;

    private Ids() {
    }

    public static String random(String prefix) {
        return prefix + "_" + Base62.random(RANDOM, RANDOM_LENGTH);
    }

    /** Whether {@code value} looks like an id of this prefix (cheap syntactic check, no lookup). */
    public static boolean looksLike(String prefix, String value) {
        if (value == null || value.length() != prefix.length() + 1 + RANDOM_LENGTH
                || !value.startsWith(prefix + "_")) {
            return false;
        }
        for (int i = prefix.length() + 1; i < value.length(); i++) {
            if (!Base62.isBase62(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
