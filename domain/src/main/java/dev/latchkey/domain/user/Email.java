package dev.latchkey.domain.user;

import java.util.Locale;
import java.util.regex.Pattern;

/** An email address, trimmed and lower-cased so that one person has one account. */
public record Email(String value) {

    private static final Pattern FORMAT = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s.\\p{Cntrl}]+(\\.[^@\\s.\\p{Cntrl}]+)+");
    public static final int MAX_LENGTH = 254;

    public Email {
        if (!isValid(value)) {
            throw new IllegalArgumentException("not an email address");
        }
        value = normalize(value);
    }

    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        String normalized = normalize(value);
        return normalized.length() <= MAX_LENGTH && FORMAT.matcher(normalized).matches();
    }

    private static String normalize(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
