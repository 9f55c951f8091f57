package dev.latchkey.app.security;

import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SecretSealer;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;

/**
 * {@link SecretSealer} with AES-256-GCM under the master key (PRODUCT.md §6).
 *
 * <p>Sealed format, version 1: {@code [0x01][12-byte random nonce][ciphertext][16-byte tag]}. The associated data is
 * the version byte followed by the UTF-8 {@code context}, so bytes sealed for one context (or format version) never
 * open for another. A fresh nonce is drawn for every seal; with random 96-bit nonces one key stays safe for far more
 * seals than this application will ever make (NIST SP 800-38D's 2<sup>32</sup> bound).
 *
 * <p>Thread-safe: a {@link Cipher} is taken per call. Neither plaintext nor key material ever appears in a message,
 * a log line or {@link #toString()}.
 */
public final class AesGcmSecretSealer implements SecretSealer {

    /** The first byte of every sealed value; a new format takes a new version and keeps opening this one. */
    static final byte VERSION_1 = 1;
    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final int TAG_BYTES = TAG_BITS / 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey key;
    private final SecureRandom random;

    /**
     * @param masterKey 32 bytes (copied; the caller may wipe its array afterwards)
     * @param random    source of the nonces
     */
    public AesGcmSecretSealer(byte[] masterKey, SecureRandom random) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be exactly " + KEY_BYTES + " bytes, not "
                    + masterKey.length);
        }
        this.key = new SecretKeySpec(masterKey, "AES");
        this.random = Objects.requireNonNull(random, "random");
        // fail at startup rather than on the first request if the JDK lacks AES-GCM
        newCipher();
    }

    @Override
    public SealedSecret seal(byte[] plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] aad = associatedData(VERSION_1, context);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = newCipher();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] out = new byte[1 + NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            out[0] = VERSION_1;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, 1 + NONCE_BYTES);
            return new SealedSecret(out);
        } catch (GeneralSecurityException e) {
            // a configuration problem (never the plaintext's fault); the JDK's message holds no secret
            throw new IllegalStateException("cannot seal a secret with AES-GCM: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public byte[] open(SealedSecret sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        byte[] bytes = sealed.bytes();
        if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES) {
            throw new IllegalStateException("sealed secret is malformed (too short)");
        }
        if (bytes[0] != VERSION_1) {
            throw new IllegalStateException("sealed secret has an unknown format version " + (bytes[0] & 0xff));
        }
        byte[] aad = associatedData(VERSION_1, context);
        try {
            Cipher cipher = newCipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 1, NONCE_BYTES));
            cipher.updateAAD(aad);
            int offset = 1 + NONCE_BYTES;
            return cipher.doFinal(bytes, offset, bytes.length - offset);
        } catch (AEADBadTagException e) {
            // no cause attached: nothing of the attempt is worth carrying around
            throw new IllegalStateException(
                    "sealed secret does not open: tampered, or sealed under another master key or context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open a sealed secret with AES-GCM: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] associatedData(byte version, String context) {
        Objects.requireNonNull(context, "context");
        if (context.isBlank()) {
            throw new IllegalArgumentException("a sealing context must not be blank");
        }
        byte[] contextBytes = context.getBytes(StandardCharsets.UTF_8);
        byte[] aad = new byte[1 + contextBytes.length];
        aad[0] = version;
        System.arraycopy(contextBytes, 0, aad, 1, contextBytes.length);
        return aad;
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is not available in this JDK", e);
        }
    }

    @Override
    public String toString() {
        return "AesGcmSecretSealer[AES-256-GCM, format v" + VERSION_1 + "]";
    }
}
