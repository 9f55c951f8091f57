package dev.latchkey.application.service.account;

import dev.latchkey.application.port.in.CheckUserTokenUseCase;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;

/**
 * A token is good while its user exists and is still at the token version the token was issued at. Read from the
 * store on every request (one primary-key read), so a password change takes effect at once on every node.
 */
public final class UserTokenService implements CheckUserTokenUseCase {

    private final UserRepository users;

    public UserTokenService(UserRepository users) {
        this.users = users;
    }

    @Override
    public void requireCurrent(UserId userId, int tokenVersion) {
        User user = users.findById(userId).orElseThrow(() ->
                new DomainException(ErrorCode.TOKEN_INVALID, "token does not belong to an existing user"));
        if (!user.acceptsTokenVersion(tokenVersion)) {
            throw new DomainException(ErrorCode.TOKEN_INVALID,
                    "token is no longer valid: the password was changed since it was issued; sign in again");
        }
    }
}
