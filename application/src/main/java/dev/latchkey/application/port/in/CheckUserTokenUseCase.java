package dev.latchkey.application.port.in;

import dev.latchkey.domain.user.UserId;

/**
 * Whether a user token whose signature and expiry are fine is still good: its user exists and it was issued at the
 * user's current token version (a password change moves the version on, so that earlier tokens are refused).
 */
public interface CheckUserTokenUseCase {

    /** @throws dev.latchkey.domain.common.DomainException {@code token_invalid} when the token is no longer good */
    void requireCurrent(UserId userId, int tokenVersion);
}
