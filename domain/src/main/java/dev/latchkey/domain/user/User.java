package dev.latchkey.domain.user;

import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to the dashboard or the API with email and password.
 *
 * @param passwordChangedAt when the password was last changed; null while it is the one chosen at sign-up
 * @param tokenVersion      which user tokens (JWTs) are still good: every token carries the version it was issued
 *                          at, and a password change moves it on, so that every token issued before is refused
 */
public record User(UserId id, Email email, PasswordHash passwordHash, Instant createdAt, Instant passwordChangedAt,
                   int tokenVersion) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
        if (tokenVersion < 0) {
            throw new IllegalArgumentException("tokenVersion must not be negative");
        }
    }

    /** The token version of a new user: a password change moves it on. */
    public static final int FIRST_TOKEN_VERSION = 0;

    /** A user whose password was never changed. */
    public User(UserId id, Email email, PasswordHash passwordHash, Instant createdAt) {
        this(id, email, passwordHash, createdAt, null, FIRST_TOKEN_VERSION);
    }

    public static User create(Email email, PasswordHash passwordHash, Instant now) {
        return new User(UserId.newId(), email, passwordHash, now);
    }

    /** This user with a new password: every token issued before {@code now} stops working. */
    public User withPassword(PasswordHash newHash, Instant now) {
        Objects.requireNonNull(newHash, "newHash");
        Objects.requireNonNull(now, "now");
        return new User(id, email, newHash, createdAt, now, Math.addExact(tokenVersion, 1));
    }

    /** Whether a token issued at {@code version} is still good. */
    public boolean acceptsTokenVersion(int version) {
        return version == tokenVersion;
    }
}
