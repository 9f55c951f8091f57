package dev.latchkey.application.port.out;

import dev.latchkey.domain.apikey.RateLimitStatus;

/**
 * Per-caller request budgets, per minute, kept in memory on the hot path (one node's view; a shared variant for
 * several nodes can implement the same port).
 */
public interface RateLimiter {

    /** Takes one request from the budget named {@code bucket} of {@code limitPerMinute}. */
    RateLimitStatus consume(String bucket, int limitPerMinute);
}
