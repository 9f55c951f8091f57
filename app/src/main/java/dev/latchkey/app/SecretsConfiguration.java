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

    @Bean
    JwtSettings jwtSettings(LatchkeyProperties properties, SecureRandom random) {
        String configured = properties.auth().jwtSecret();
        byte[] secret = configured != null && !configured.isBlank()
                ? configured.getBytes(StandardCharsets.UTF_8)
                : generatedSecret(properties.dataDir().resolve("jwt-secret"), random);
        if (secret.length < 32) {
            throw new IllegalStateException("latchkey.auth.jwt-secret must be at least 32 bytes");
        }
        return new JwtSettings(secret, properties.auth().tokenTtl());
    }

    static byte[] generatedSecret(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] secret = new byte[48];
            random.nextBytes(secret);
            try {
                // owner-only from the first byte
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(file);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            log.warn("No latchkey.auth.jwt-secret configured: generated one into {}. Set LATCHKEY_AUTH_JWT_SECRET "
                    + "in production, and the same value on every node.", file.toAbsolutePath());
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT secret file " + file.toAbsolutePath(), e);
        }
    }
}
