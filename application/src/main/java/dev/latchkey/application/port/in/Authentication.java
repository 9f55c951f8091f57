package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.RateLimitStatus;

/**
 * An authenticated request: its caller and the state of the caller's rate limit after this request. When
 * {@code rateLimit.allowed()} is false the request must be refused with {@code rate_limited}.
 */
public record Authentication(Caller caller, RateLimitStatus rateLimit) {
}
