package dev.latchkey.domain.apikey;

/**
 * The state of a caller's rate limit after one request (PRODUCT.md §5): whether it was allowed, the limit per
 * minute, what remains, when the window resets (epoch seconds) and, when refused, how many seconds to wait.
 */
public record RateLimitStatus(boolean allowed, int limit, int remaining, long resetEpochSecond,
                              long retryAfterSeconds) {

    public RateLimitStatus {
        if (limit <= 0 || remaining < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("limit must be positive and remaining, retryAfter non-negative");
        }
    }

    /** Seconds from {@code nowEpochSecond} until the window resets (never negative). */
    public long resetAfterSeconds(long nowEpochSecond) {
        return Math.max(0, resetEpochSecond - nowEpochSecond);
    }
}
