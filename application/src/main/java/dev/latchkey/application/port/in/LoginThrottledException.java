package dev.latchkey.application.port.in;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

/**
 * Too many failed sign-in attempts for an account or from an address ({@code rate_limited}): the same answer whether
 * or not the account exists, and whichever limit was reached. {@link #retryAfterSeconds()} says when an attempt is
 * possible again (at least 1); the message does not, so that it is the same text for everyone.
 */
public final class LoginThrottledException extends DomainException {

    static final String MESSAGE = "too many failed sign-in attempts; try again later (see Retry-After)";

    private final long retryAfterSeconds;

    public LoginThrottledException(long retryAfterSeconds) {
        super(ErrorCode.RATE_LIMITED, MESSAGE);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whole minutes to wait, rounded up (at least 1): what a person is told. */
    public long retryAfterMinutes() {
        return Math.ceilDiv(retryAfterSeconds, 60);
    }
}
