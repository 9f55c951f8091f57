package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.RateLimiter;
import dev.latchkey.domain.apikey.RateLimitStatus;

import java.util.HashMap;
import java.util.Map;

/** Counts requests per bucket within one never-ending window: the (limit + 1)th request is refused. */
public final class FakeRateLimiter implements RateLimiter {

    public static final long RESET_EPOCH_SECOND = 1_764_000_060L;

    private final Map<String, Integer> used = new HashMap<>();

    @Override
    public synchronized RateLimitStatus consume(String bucket, int limitPerMinute) {
        int count = used.merge(bucket, 1, Integer::sum);
        boolean allowed = count <= limitPerMinute;
        return new RateLimitStatus(allowed, limitPerMinute, Math.max(0, limitPerMinute - count), RESET_EPOCH_SECOND,
                allowed ? 0 : 60);
    }

    public synchronized int used(String bucket) {
        return used.getOrDefault(bucket, 0);
    }
}
