package dev.latchkey.application.port.out;

import dev.latchkey.domain.user.PasswordHash;

/** A slow adaptive hash for passwords. */
public interface PasswordHasher {

    PasswordHash hash(String password);

    boolean matches(String password, PasswordHash hash);
}
