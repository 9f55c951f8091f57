package dev.latchkey.application.service.account;

import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UserTokenServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final UserTokenService service = new UserTokenService(users);
    private final User ada = User.create(new Email("ada@example.com"), new PasswordHash("h1"), T0);

    @Test
    void aTokenOfTheCurrentVersionIsGood() {
        users.add(ada);

        assertThatCode(() -> service.requireCurrent(ada.id(), 0)).doesNotThrowAnyException();
    }

    @Test
    void aTokenIssuedBeforeAPasswordChangeIsInvalid() {
        users.add(ada);
        users.changePassword(ada.withPassword(new PasswordHash("h2"), T0.plusSeconds(1)));

        DomainException e = catchThrowableOfType(DomainException.class, () -> service.requireCurrent(ada.id(), 0));

        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
        assertThat(e.getMessage()).contains("password was changed");
        assertThatCode(() -> service.requireCurrent(ada.id(), 1)).doesNotThrowAnyException();
    }

    @Test
    void aTokenOfAVersionNotYetReachedIsInvalidToo() {
        users.add(ada);

        assertThat(catchThrowableOfType(DomainException.class, () -> service.requireCurrent(ada.id(), 7)).code())
                .isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void aTokenOfAnUnknownUserIsInvalid() {
        assertThat(catchThrowableOfType(DomainException.class, () -> service.requireCurrent(UserId.newId(), 0))
                .code()).isEqualTo(ErrorCode.TOKEN_INVALID);
    }
}
