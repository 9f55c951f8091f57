package dev.latchkey.domain.user;

import dev.latchkey.domain.common.ValidationException;

import java.nio.charset.StandardCharsets;

/** The password policy for new passwords. */
public final class Password {

    public static final int MIN_LENGTH = 8;
    /** Adaptive hashes such as bcrypt only read the first 72 bytes; longer input is refused, not cut. */
    public static final int MAX_LENGTH = 72;

    private Password() {
    }

    public static void validate(String password, String field, ValidationException.Collector errors) {
        int length = password == null ? 0 : password.codePointCount(0, password.length()); // characters, not UTF-16 units
        int bytes = password == null ? 0 : password.getBytes(StandardCharsets.UTF_8).length;
        errors.check(length >= MIN_LENGTH, field, "must be at least " + MIN_LENGTH + " characters")
                .check(bytes <= MAX_LENGTH, field, "must be at most " + MAX_LENGTH + " bytes")
                .check(password == null || password.indexOf('\0') < 0, field, "must not contain NUL characters");
    }
}
