package dev.latchkey.app;

import dev.latchkey.web.security.JwtSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets from configuration, or, for a deployment that sets none, generated once into the data folder
 * (readable by the owner only) so that they survive restarts.
 */
@Configuration(proxyBeanMethods = false)
public class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);

    static final String JWT_SECRET_FILE = "jwt-secret";
    static final String MASTER_KEY_FILE = "master-key";
    static final int MASTER_KEY_BYTES = 32;

    @Bean
    JwtSettings jwtSettings(LatchkeyProperties properties, SecureRandom random) {
        String configured = properties.auth().jwtSecret();
        byte[] secret = configured != null && !configured.isBlank()
                ? configured.getBytes(StandardCharsets.UTF_8)
                : generatedSecret(properties.dataDir().resolve(JWT_SECRET_FILE), random, 48,
                        "No latchkey.auth.jwt-secret configured: generated one into {}. Set LATCHKEY_AUTH_JWT_SECRET "
                                + "in production, and the same value on every node.");
        if (secret.length < 32) {
            throw new IllegalStateException("latchkey.auth.jwt-secret must be at least 32 bytes");
        }
        return new JwtSettings(secret, properties.auth().tokenTtl());
    }

    /**
     * The 32-byte master key sealing secrets at rest: {@code latchkey.master-key} (base64), or else the one generated
     * once into {@code <data-dir>/master-key}. Fails with a message that never repeats the value.
     */
    static byte[] masterKey(LatchkeyProperties properties, SecureRandom random) {
        String configured = properties.masterKey();
        if (configured != null && !configured.isBlank()) {
            return checkedMasterKey(decodeBase64(configured,
                    "latchkey.master-key (LATCHKEY_MASTER_KEY) is not valid base64"),
                    "latchkey.master-key (LATCHKEY_MASTER_KEY)");
        }
        Path file = properties.dataDir().resolve(MASTER_KEY_FILE);
        byte[] key = generatedSecret(file, random, MASTER_KEY_BYTES,
                "No latchkey.master-key configured: generated one into {}. Back that file up (sealed secrets cannot "
                        + "be opened without it), or set LATCHKEY_MASTER_KEY in production, the same on every node.");
        return checkedMasterKey(key, "the master key file " + file.toAbsolutePath());
    }

    private static byte[] checkedMasterKey(byte[] key, String source) {
        if (key.length != MASTER_KEY_BYTES) {
            throw new IllegalStateException(source + " must be the base64 encoding of exactly " + MASTER_KEY_BYTES
                    + " bytes (e.g. the output of `openssl rand -base64 32`), but it decodes to " + key.length
                    + " bytes");
        }
        return key;
    }

    private static byte[] decodeBase64(String value, String failure) {
        try {
            return Base64.getDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            // no cause: the decoder's message can quote a character of the secret
            throw new IllegalStateException(failure);
        }
    }

    /**
     * The secret kept (base64) in {@code file}, or, when there is none yet, {@code length} random bytes written
     * there, the file readable by its owner only from its creation on, with {@code warning} logged (its one
     * {@code {}} is the file's path; the secret itself is never logged).
     */
    static byte[] generatedSecret(Path file, SecureRandom random, int length, String warning) {
        try {
            if (Files.exists(file)) {
                return decodeBase64(Files.readString(file), "the secret file " + file.toAbsolutePath()
                        + " is not valid base64; restore it from a backup");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[length];
            random.nextBytes(secret);
            try {
                // owner-only from the first byte
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            log.warn(warning, file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file.toAbsolutePath(), e);
        }
    }
}
