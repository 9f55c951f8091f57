package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.Base62;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The secret of an invitation link: {@value #PREFIX} and {@value #RANDOM_LENGTH} base62 characters from a CSPRNG
 * (about 238 bits). It is shown once to the inviting admin and mailed to the invitee; only its SHA-256
 * ({@link #hash()}) is stored. {@link #toString()} never shows it.
 */
public final class InvitationToken {

    public static final String PREFIX = "lkinv_";
    public static final int RANDOM_LENGTH = 40;
    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH;

    private final String value;

    private InvitationToken(String value) {
        this.value = value;
    }

    public static InvitationToken generate(RandomGenerator random) {
        return new InvitationToken(PREFIX + Base62.random(random, RANDOM_LENGTH));
    }

    /** Whether {@code value} has the shape of a token (no lookup): anything else is simply not found. */
    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != LENGTH || !value.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < value.length(); i++) {
            if (!Base62.isBase62(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A presented token; {@link #isWellFormed} first. */
    public static InvitationToken of(String value) {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not an invitation token");
        }
        return new InvitationToken(value);
    }

    /** The token itself: for the one answer and the one mail that carry it, never for logs or the audit log. */
    public String reveal() {
        return value;
    }

    /** SHA-256 of the token's UTF-8 text in lower-case hex: the only form that is stored. */
    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvitationToken token && MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), token.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "InvitationToken[redacted]";
    }
}
