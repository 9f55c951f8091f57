package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What every {@link UserRepository} does; run by the in-memory fake and by the MyBatis adapter. */
public abstract class UserRepositoryContract {

    /** Microseconds: what PostgreSQL keeps. */
    protected static final Instant T0 = Instant.parse("2026-12-01T10:00:00.123456Z");

    protected abstract UserRepository users();

    private static User newUser() {
        return User.create(new Email(UUID.randomUUID() + "@example.com"), new PasswordHash("$2a$12$first"), T0);
    }

    @Test
    void aUserRoundTripsWithAFreshTokenVersion() {
        User user = newUser();
        users().add(user);

        assertThat(users().findById(user.id())).contains(user);
        assertThat(users().findByEmail(user.email())).contains(user);
        assertThat(users().findById(user.id()).orElseThrow().tokenVersion()).isZero();
        assertThat(users().findById(user.id()).orElseThrow().passwordChangedAt()).isNull();
        assertThat(users().findById(UserId.newId())).isEmpty();
    }

    @Test
    void aSecondUserWithTheSameEmailIsAConflict() {
        User user = newUser();
        users().add(user);

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> users().add(User.create(user.email(), new PasswordHash("other"), T0)));

        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void aPasswordChangeStoresTheHashTheTimeAndTheNextTokenVersion() {
        User user = newUser();
        users().add(user);
        User changed = user.withPassword(new PasswordHash("$2a$12$second"), T0.plusSeconds(60));

        assertThat(users().changePassword(changed)).isTrue();

        assertThat(users().findById(user.id())).contains(changed);
        assertThat(users().findByEmail(user.email())).contains(changed);
        User twice = changed.withPassword(new PasswordHash("$2a$12$third"), T0.plusSeconds(120));
        assertThat(users().changePassword(twice)).isTrue();
        assertThat(users().findById(user.id()).orElseThrow().tokenVersion()).isEqualTo(2);
    }

    @Test
    void ofTwoChangesFromTheSameVersionOnlyTheFirstLands() {
        User user = newUser();
        users().add(user);
        User first = user.withPassword(new PasswordHash("$2a$12$one"), T0.plusSeconds(1));
        User second = user.withPassword(new PasswordHash("$2a$12$two"), T0.plusSeconds(2));

        assertThat(users().changePassword(first)).isTrue();
        assertThat(users().changePassword(second)).isFalse();

        assertThat(users().findById(user.id())).contains(first);
    }

    @Test
    void changingThePasswordOfNoOneChangesNothing() {
        User ghost = newUser().withPassword(new PasswordHash("$2a$12$ghost"), T0);

        assertThat(users().changePassword(ghost)).isFalse();
        assertThat(users().findById(ghost.id())).isEmpty();
    }

    @Test
    void aPasswordChangeTouchesOnlyThatUser() {
        User one = newUser();
        User other = newUser();
        users().add(one);
        users().add(other);

        users().changePassword(one.withPassword(new PasswordHash("$2a$12$new"), T0.plusSeconds(5)));

        assertThat(users().findById(other.id())).contains(other);
    }
}
