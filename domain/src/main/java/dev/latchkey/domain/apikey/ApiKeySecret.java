package dev.latchkey.domain.apikey;

import dev.latchkey.domain.common.Base62;

import java.util.random.RandomGenerator;

/**
 * A full API key, {@code <type>_<env>_<body>} (PRODUCT.md §2). It exists in memory only: when a key is
 * issued (to be shown once) and while a presented key is being checked. {@link #toString()} never
 * reveals it.
 */
public final class ApiKeySecret {

    public static final int RANDOM_LENGTH = 26;
    public static final int BODY_LENGTH = RANDOM_LENGTH + KeyChecksum.LENGTH;
    /** {@code sk_live_} and {@code sk_test_} alike are 8 characters. */
    public static final int HEAD_LENGTH = 8;
    public static final int LENGTH = HEAD_LENGTH + BODY_LENGTH;
    public static final int PREFIX_LENGTH = 12;

    private final String value;
    private final KeyType type;
    private final Environment environment;

    private ApiKeySecret(String value, KeyType type, Environment environment) {
        this.value = value;
        this.type = type;
        this.environment = environment;
    }

    /** A new key: 26 characters from {@code random} (a CSPRNG in production), then the checksum. */
    public static ApiKeySecret generate(KeyType type, Environment environment, RandomGenerator random) {
        String payload = type.code() + "_" + environment.code() + "_" + Base62.random(random, RANDOM_LENGTH);
        return new ApiKeySecret(payload + KeyChecksum.of(payload), type, environment);
    }

    /**
     * Parses a presented key, checking prefix, length, alphabet and checksum.
     *
     * @throws MalformedKeyException naming the first violation found
     */
    public static ApiKeySecret parse(String raw) {
        if (raw == null || raw.length() < HEAD_LENGTH || raw.charAt(2) != '_' || raw.charAt(7) != '_') {
            throw new MalformedKeyException(raw != null && raw.length() < HEAD_LENGTH
                    ? FormatViolation.LENGTH : FormatViolation.PREFIX);
        }
        KeyType type = KeyType.fromCode(raw.substring(0, 2))
                .orElseThrow(() -> new MalformedKeyException(FormatViolation.PREFIX));
        Environment environment = Environment.fromCode(raw.substring(3, 7))
                .orElseThrow(() -> new MalformedKeyException(FormatViolation.PREFIX));
        if (raw.length() != LENGTH) {
            throw new MalformedKeyException(FormatViolation.LENGTH);
        }
        for (int i = HEAD_LENGTH; i < LENGTH; i++) {
            if (!Base62.isBase62(raw.charAt(i))) {
                throw new MalformedKeyException(FormatViolation.ALPHABET);
            }
        }
        int checksumStart = LENGTH - KeyChecksum.LENGTH;
        if (!KeyChecksum.of(raw.substring(0, checksumStart)).equals(raw.substring(checksumStart))) {
            throw new MalformedKeyException(FormatViolation.CHECKSUM);
        }
        return new ApiKeySecret(raw, type, environment);
    }

    /** Whether {@code raw} is a well-formed key; never throws. */
    public static boolean isWellFormed(String raw) {
        try {
            parse(raw);
            return true;
        } catch (MalformedKeyException e) {
            return false;
        }
    }

    /** The full key. Call only to show it once to its owner or to compute a signature. */
    public String reveal() {
        return value;
    }

    public KeyType type() {
        return type;
    }

    public Environment environment() {
        return environment;
    }

    public String prefix() {
        return value.substring(0, PREFIX_LENGTH);
    }

    public String last4() {
        return value.substring(LENGTH - 4);
    }

    public String checksum() {
        return value.substring(LENGTH - KeyChecksum.LENGTH);
    }

    public KeyHash hash() {
        return KeyHash.of(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKeySecret that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Redacted: {@code sk_test_4eC3…a1Zx}. */
    @Override
    public String toString() {
        return prefix() + "…" + last4();
    }
}
