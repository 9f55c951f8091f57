package dev.latchkey.domain.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a key's UTF-8 text, in lower-case hex: the only form in which a key is stored. */
public record KeyHash(String hex) {

    public KeyHash {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a key hash is 64 hex characters");
        }
    }

    public static KeyHash of(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return new KeyHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
