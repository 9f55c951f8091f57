package dev.latchkey.app.security;

import dev.latchkey.domain.apikey.RateLimitStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Bucket4jRateLimiterTest {

    private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");
    private static final long START_SECOND = START.getEpochSecond();

    private final MutableClock clock = new MutableClock(START);
    private final Bucket4jRateLimiter limiter = new Bucket4jRateLimiter(clock);

    @Test
    void allowsExactlyTheLimitThenRefusesWithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.consume("key-1", 5).allowed()).isTrue();
        }
        RateLimitStatus refused = limiter.consume("key-1", 5);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.limit()).isEqualTo(5);
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isEqualTo(60);
        assertThat(refused.resetEpochSecond()).isEqualTo(START_SECOND + 60);
        assertThat(limiter.consume("key-1", 5).allowed()).isFalse();
    }

    @Test
    void remainingCountsDownAndResetIsTheEndOfTheWindow() {
        List<Integer> remaining = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RateLimitStatus status = limiter.consume("key-1", 3);
            remaining.add(status.remaining());
            assertThat(status.limit()).isEqualTo(3);
            assertThat(status.retryAfterSeconds()).isZero();
            assertThat(status.resetEpochSecond()).isEqualTo(START_SECOND + 60);
            clock.advance(Duration.ofSeconds(10));
        }
        assertThat(remaining).containsExactly(2, 1, 0);
    }

    @Test
    void retryAfterIsTheWaitUntilTheRefillRoundedUpAndAtLeastOne() {
        limiter.consume("key-1", 1);

        clock.advance(Duration.ofMillis(30_500));
        RateLimitStatus halfway = limiter.consume("key-1", 1);
        assertThat(halfway.allowed()).isFalse();
        assertThat(halfway.retryAfterSeconds()).isEqualTo(30); // 29.5 s rounded up
        assertThat(halfway.resetEpochSecond()).isEqualTo(START_SECOND + 60);

        clock.advance(Duration.ofMillis(29_400));
        RateLimitStatus almost = limiter.consume("key-1", 1);
        assertThat(almost.allowed()).isFalse();
        assertThat(almost.retryAfterSeconds()).isEqualTo(1); // 0.1 s rounded up
    }

    @Test
    void theWholeBudgetComesBackAfterTheWindowWithoutSleeping() {
        for (int i = 0; i < 4; i++) {
            limiter.consume("key-1", 4);
        }
        clock.advance(Duration.ofSeconds(59));
        assertThat(limiter.consume("key-1", 4).allowed()).isFalse();

        clock.advance(Duration.ofSeconds(1));
        RateLimitStatus first = limiter.consume("key-1", 4);
        assertThat(first.allowed()).isTrue();
        assertThat(first.remaining()).isEqualTo(3);
        assertThat(first.resetEpochSecond()).isEqualTo(START_SECOND + 120);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.consume("key-1", 4).allowed()).isTrue();
        }
        assertThat(limiter.consume("key-1", 4).allowed()).isFalse();
    }

    @Test
    void bucketsWithDifferentNamesAreIndependent() {
        limiter.consume("key-1", 1);
        assertThat(limiter.consume("key-1", 1).allowed()).isFalse();

        RateLimitStatus other = limiter.consume("key-2", 1);
        assertThat(other.allowed()).isTrue();
        assertThat(other.remaining()).isZero();
        assertThat(limiter.consume("key-3", 10).remaining()).isEqualTo(9);
    }

    @Test
    void aRaisedLimitTakesEffectAtOnceKeepingWhatWasSpent() {
        limiter.consume("key-1", 2);
        limiter.consume("key-1", 2);
        assertThat(limiter.consume("key-1", 2).allowed()).isFalse();

        RateLimitStatus raised = limiter.consume("key-1", 5);
        assertThat(raised.allowed()).isTrue();
        assertThat(raised.limit()).isEqualTo(5);
        assertThat(raised.remaining()).isEqualTo(2); // 5 - 2 spent - this one
        assertThat(limiter.consume("key-1", 5).allowed()).isTrue();
        assertThat(limiter.consume("key-1", 5).allowed()).isTrue();
        assertThat(limiter.consume("key-1", 5).allowed()).isFalse();

        clock.advance(Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.consume("key-1", 5).allowed()).isTrue();
        }
        assertThat(limiter.consume("key-1", 5).allowed()).isFalse();
    }

    @Test
    void aLoweredLimitTakesEffectAtOnce() {
        for (int i = 0; i < 3; i++) {
            limiter.consume("key-1", 10);
        }
        RateLimitStatus lowered = limiter.consume("key-1", 2);
        assertThat(lowered.allowed()).isFalse();
        assertThat(lowered.limit()).isEqualTo(2);
        assertThat(lowered.retryAfterSeconds()).isPositive();

        clock.advance(Duration.ofMinutes(1));
        assertThat(limiter.consume("key-1", 2).allowed()).isTrue();
        assertThat(limiter.consume("key-1", 2).allowed()).isTrue();
        assertThat(limiter.consume("key-1", 2).allowed()).isFalse();
    }

    @Test
    void concurrentConsumersNeverGetMoreThanTheLimit() throws Exception {
        int limit = 100;
        int threads = 8;
        int attemptsPerThread = 50;
        for (int round = 0; round < 20; round++) {
            String bucket = "shared-" + round;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> allowedPerThread = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    allowedPerThread.add(pool.submit(() -> {
                        start.await();
                        int allowed = 0;
                        for (int i = 0; i < attemptsPerThread; i++) {
                            if (limiter.consume(bucket, limit).allowed()) {
                                allowed++;
                            }
                        }
                        return allowed;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> future : allowedPerThread) {
                    total += future.get(10, TimeUnit.SECONDS);
                }
                assertThat(total).isEqualTo(limit);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void idleBucketsExpireAndTheCacheIsBounded() {
        limiter.consume("idle", 5);
        clock.advance(Duration.ofSeconds(90));
        limiter.consume("busy", 5);
        assertThat(limiter.bucketCount()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(31)); // "idle" now unused for 2 min 1 s, "busy" for 31 s
        assertThat(limiter.bucketCount()).isEqualTo(1);
        assertThat(limiter.consume("idle", 5).remaining()).isEqualTo(4);

        Bucket4jRateLimiter small = new Bucket4jRateLimiter(clock, Duration.ofMinutes(2), 10);
        for (int i = 0; i < 1_000; i++) {
            small.consume("caller-" + i, 5);
        }
        assertThat(small.bucketCount()).isLessThanOrEqualTo(10);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> limiter.consume("key-1", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Bucket4jRateLimiter(clock, Duration.ofSeconds(30), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
