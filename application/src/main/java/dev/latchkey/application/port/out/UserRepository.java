package dev.latchkey.application.port.out;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;

import java.util.Optional;

public interface UserRepository {

    /** Inserts a new user. @throws dev.latchkey.domain.common.DomainException {@code conflict} if the email is taken */
    void add(User user);

    Optional<User> findByEmail(Email email);

    Optional<User> findById(UserId id);

    /**
     * Stores {@code changed}'s password hash, password change time and token version, provided the stored user is
     * still at the token version before it ({@code changed.tokenVersion() - 1}): of two concurrent changes, one wins.
     *
     * @return false when there is no such user or it was changed meanwhile (nothing is written then)
     */
    boolean changePassword(User changed);
}
