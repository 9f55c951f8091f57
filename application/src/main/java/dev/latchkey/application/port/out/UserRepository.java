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
}
