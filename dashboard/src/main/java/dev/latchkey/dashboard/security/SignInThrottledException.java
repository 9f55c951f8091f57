package dev.latchkey.dashboard.security;

import org.springframework.security.core.AuthenticationException;

/** Too many failed sign-ins for the account or from the address: the form says to wait {@link #minutes()}. */
public final class SignInThrottledException extends AuthenticationException {

    private final long minutes;

    public SignInThrottledException(long minutes) {
        super("too many failed sign-in attempts");
        this.minutes = Math.max(1, minutes);
    }

    public long minutes() {
        return minutes;
    }
}
