package dev.latchkey.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.application.port.out.RateLimiter;
import dev.latchkey.domain.apikey.RateLimitStatus;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link RateLimiter} on Bucket4j token buckets held in memory (this node's view), one per bucket name.
 *
 * <p>Semantics: a fixed one-minute window per bucket. A bucket starts full ({@code limitPerMinute} tokens) at its
 * first request; every request takes one token; the whole budget comes back at once when the window ends, one minute
 * after the previous refill. So {@link RateLimitStatus#resetEpochSecond()} is the end of the current window (when the
 * budget is full again) and, when refused, {@link RateLimitStatus#retryAfterSeconds()} is the wait until that refill,
 * rounded up and at least 1.
 *
 * <p>Buckets live in a bounded Caffeine cache and are dropped after {@code idleExpiry} without a request (at least a
 * window, so dropping one never hands out a budget early). Under memory pressure the least useful buckets are evicted
 * first; a caller whose bucket is evicted starts over with a full budget, which is the price of a bounded footprint.
 *
 * <p>When the limit for a name changes, its bucket is replaced by one with the new limit that keeps what was already
 * spent in the current window: raising 10 to 15 after 10 requests leaves 5; lowering 10 to 2 after 3 leaves none.
 *
 * <p>Thread-safe and lock-free on the hot path: Caffeine's read path and Bucket4j's lock-free local bucket. Only a
 * limit change goes through a per-name atomic {@code compute}.
 */
public final class Bucket4jRateLimiter implements RateLimiter {

    public static final Duration WINDOW = Duration.ofMinutes(1);
    public static final Duration DEFAULT_IDLE_EXPIRY = Duration.ofMinutes(2);
    public static final long DEFAULT_MAX_BUCKETS = 100_000;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Clock clock;
    private final TimeMeter timeMeter;
    private final Cache<String, LimitedBucket> buckets;

    /** A bucket and the limit it was built for. */
    private record LimitedBucket(int limit, Bucket bucket) {
    }

    public Bucket4jRateLimiter(Clock clock) {
        this(clock, DEFAULT_IDLE_EXPIRY, DEFAULT_MAX_BUCKETS);
    }

    /**
     * @param clock      time source for the buckets and for their idle expiry (a fake one lets tests advance time)
     * @param idleExpiry how long a bucket without requests is kept; at least {@link #WINDOW}
     * @param maxBuckets how many buckets are kept at most
     */
    public Bucket4jRateLimiter(Clock clock, Duration idleExpiry, long maxBuckets) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (idleExpiry.compareTo(WINDOW) < 0) {
            throw new IllegalArgumentException("idleExpiry must be at least the window of " + WINDOW);
        }
        if (maxBuckets <= 0) {
            throw new IllegalArgumentException("maxBuckets must be positive");
        }
        this.timeMeter = new ClockTimeMeter(clock);
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfterAccess(idleExpiry)
                .ticker(timeMeter::currentTimeNanos)
                .build();
    }

    @Override
    public RateLimitStatus consume(String bucket, int limitPerMinute) {
        Objects.requireNonNull(bucket, "bucket");
        if (limitPerMinute <= 0) {
            throw new IllegalArgumentException("limitPerMinute must be positive, not " + limitPerMinute);
        }
        LimitedBucket limited = buckets.get(bucket, name -> newBucket(limitPerMinute, limitPerMinute));
        if (limited.limit() != limitPerMinute) {
            limited = buckets.asMap().compute(bucket, (name, current) -> current == null
                    ? newBucket(limitPerMinute, limitPerMinute)
                    : current.limit() == limitPerMinute ? current : resized(current, limitPerMinute));
        }
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        long nowNanos = timeMeter.currentTimeNanos();
        int remaining = (int) Math.clamp(probe.getRemainingTokens(), 0, limitPerMinute);
        long resetEpochSecond = Math.ceilDiv(nowNanos + probe.getNanosToWaitForReset(), NANOS_PER_SECOND);
        if (probe.isConsumed()) {
            return new RateLimitStatus(true, limitPerMinute, remaining, resetEpochSecond, 0);
        }
        long nanosToWait = probe.getNanosToWaitForRefill();
        long retryAfter = Math.max(1, Math.ceilDiv(nanosToWait, NANOS_PER_SECOND));
        long refillEpochSecond = Math.ceilDiv(nowNanos + nanosToWait, NANOS_PER_SECOND);
        return new RateLimitStatus(false, limitPerMinute, remaining, Math.max(resetEpochSecond, refillEpochSecond),
                retryAfter);
    }

    /** How many buckets are held, after pending expiries (for tests and metrics). */
    long bucketCount() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private LimitedBucket resized(LimitedBucket current, int newLimit) {
        long available = current.bucket().getAvailableTokens();
        long kept = Math.clamp(available + (newLimit - (long) current.limit()), 0, newLimit);
        return newBucket(newLimit, kept);
    }

    private LimitedBucket newBucket(int limit, long initialTokens) {
        Bucket bucket = Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit)
                        .refillIntervally(limit, WINDOW)
                        .initialTokens(initialTokens))
                .withCustomTimePrecision(timeMeter)
                .build();
        return new LimitedBucket(limit, bucket);
    }

    @Override
    public String toString() {
        return "Bucket4jRateLimiter[window=" + WINDOW + ", buckets~" + buckets.estimatedSize() + "]";
    }

    /** Bucket4j time read from a {@link Clock}, in nanoseconds since the epoch. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * NANOS_PER_SECOND + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
