package dev.latchkey.application.port.in;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;

/** Who signed in or registered, as adapters may see them: never the password hash. */
public record Account(UserId id, Email email) {

    public static Account of(User user) {
        return new Account(user.id(), user.email());
    }
}
