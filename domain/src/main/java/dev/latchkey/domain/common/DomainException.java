package dev.latchkey.domain.common;

/**
 * The one exception family of Latchkey: a business rejection with a stable {@link ErrorCode}.
 * Messages are shown to clients, so they never contain a secret. No stack trace is captured:
 * these are expected outcomes (a bad key, a wrong password), not bugs, and some sit on the hot path.
 */
public class DomainException extends RuntimeException {

    private final ErrorCode code;

    public DomainException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
