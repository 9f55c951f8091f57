package dev.latchkey.persistence;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;

import java.time.Instant;

public record UserRow(String id, String email, String passwordHash, Instant createdAt, Instant passwordChangedAt,
                      int tokenVersion) {

    static UserRow from(User user) {
        return new UserRow(user.id().value(), user.email().value(), user.passwordHash().value(), user.createdAt(),
                user.passwordChangedAt(), user.tokenVersion());
    }

    User toDomain() {
        return new User(new UserId(id), new Email(email), new PasswordHash(passwordHash), createdAt, passwordChangedAt,
                tokenVersion);
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", email=" + email + ", passwordHash=redacted, tokenVersion=" + tokenVersion + "]";
    }
}
