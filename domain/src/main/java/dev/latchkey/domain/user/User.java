package dev.latchkey.domain.user;

import java.time.Instant;
import java.util.Objects;

/** A person who signs in to the dashboard or the API with email and password. */
public record User(UserId id, Email email, PasswordHash passwordHash, Instant createdAt) {

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static User create(Email email, PasswordHash passwordHash, Instant now) {
        return new User(UserId.newId(), email, passwordHash, now);
    }
}
