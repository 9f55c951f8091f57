package dev.latchkey.application.port.out;

/**
 * Counts sign-in attempts per account and per client address over a sliding window, and refuses further attempts
 * past a limit. An attempt is counted when it starts (so that parallel guesses cannot overtake the count) and kept as
 * a failure unless it is reported {@link #succeeded} or {@link #abandoned}. Accounts are named by the normalised
 * email as typed (whether or not such an account exists), so that a refusal never tells which emails are accounts.
 */
public interface LoginThrottle {

    /**
     * Takes one attempt from the budgets of {@code account} and of {@code clientAddress} (null: unknown, only the
     * account is counted), or takes nothing and refuses when either is spent.
     */
    Attempt tryAttempt(String account, String clientAddress);

    /** The attempt was right: the account's failures are forgotten, and the address gets this attempt back. */
    void succeeded(String account, String clientAddress);

    /** The attempt could not be judged (e.g. the store failed): both get it back. */
    void abandoned(String account, String clientAddress);

    /** Allowed, or refused with the whole seconds until an attempt is possible again (at least 1). */
    record Attempt(boolean allowed, long retryAfterSeconds) {

        public static final Attempt ALLOWED = new Attempt(true, 0);

        public Attempt {
            if (!allowed && retryAfterSeconds < 1) {
                throw new IllegalArgumentException("a refusal says when to retry, at least 1 s");
            }
        }

        public static Attempt refused(long retryAfterSeconds) {
            return new Attempt(false, Math.max(1, retryAfterSeconds));
        }
    }
}
