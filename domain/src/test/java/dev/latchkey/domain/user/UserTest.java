package dev.latchkey.domain.user;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UserTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aNewUserAcceptsTokensOfVersionZeroAndHasNeverChangedItsPassword() {
        User user = User.create(new Email("ada@example.com"), new PasswordHash("h1"), T0);

        assertThat(user.tokenVersion()).isZero();
        assertThat(user.passwordChangedAt()).isNull();
        assertThat(user.acceptsTokenVersion(0)).isTrue();
    }

    @Test
    void aNewPasswordMovesTheTokenVersionOnSoThatEarlierTokensAreRefused() {
        User user = User.create(new Email("ada@example.com"), new PasswordHash("h1"), T0);

        User changed = user.withPassword(new PasswordHash("h2"), T0.plusSeconds(60));

        assertThat(changed.passwordHash()).isEqualTo(new PasswordHash("h2"));
        assertThat(changed.passwordChangedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(changed.tokenVersion()).isEqualTo(1);
        assertThat(changed.acceptsTokenVersion(0)).isFalse();
        assertThat(changed.acceptsTokenVersion(1)).isTrue();
        assertThat(changed.id()).isEqualTo(user.id());
        assertThat(changed.email()).isEqualTo(user.email());
        assertThat(changed.createdAt()).isEqualTo(user.createdAt());
    }

    @Test
    void aNegativeTokenVersionIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new User(UserId.newId(), new Email("a@b.co"),
                new PasswordHash("h"), T0, null, -1));
    }

    @Test
    void aUserNeverPrintsItsPasswordHash() {
        User user = User.create(new Email("ada@example.com"), new PasswordHash("$2a$12$secret"), T0);

        assertThat(user.toString()).doesNotContain("secret");
    }
}
