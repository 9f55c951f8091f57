package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.PasswordHasher;
import dev.latchkey.domain.user.PasswordHash;

/** Reversible and fast: {@code hashed:<password>}. Counts the checks, so tests can see a decoy being checked. */
public final class FakePasswordHasher implements PasswordHasher {

    public static final String PREFIX = "hashed:";

    private int hashCalls;
    private int matchCalls;

    @Override
    public PasswordHash hash(String password) {
        hashCalls++;
        return new PasswordHash(PREFIX + password);
    }

    @Override
    public boolean matches(String password, PasswordHash hash) {
        matchCalls++;
        return hash.value().equals(PREFIX + password);
    }

    public int hashCalls() {
        return hashCalls;
    }

    public int matchCalls() {
        return matchCalls;
    }
}
