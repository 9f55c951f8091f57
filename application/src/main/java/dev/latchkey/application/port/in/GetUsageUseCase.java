package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.common.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Request counts of the caller's workspace and environment (scope {@code usage:read}, or any member), for one key
 * or all, per minute or per day, between {@code from} (inclusive) and {@code to} (exclusive). Counts lag by at most
 * one flush interval.
 */
public interface GetUsageUseCase {

    Duration MAX_MINUTE_RANGE = Duration.ofDays(1);
    Duration MAX_DAY_RANGE = Duration.ofDays(366);

    UsageReport usage(Caller caller, UsageQuery query);

    enum Granularity { MINUTE, DAY }

    record UsageQuery(Optional<ApiKeyId> keyId, Instant from, Instant to, Granularity granularity) {
        public static UsageQuery parse(Optional<ApiKeyId> keyId, Instant from, Instant to, Granularity granularity) {
            ValidationException.Collector errors = new ValidationException.Collector();
            errors.check(from.isBefore(to), "from", "must be before to");
            Duration max = granularity == Granularity.MINUTE ? MAX_MINUTE_RANGE : MAX_DAY_RANGE;
            errors.check(!from.isBefore(to) || Duration.between(from, to).compareTo(max) <= 0, "to",
                    "at most " + max.toDays() + " day(s) after from for " + granularity.name().toLowerCase() + " counts");
            errors.throwIfAny();
            return new UsageQuery(keyId, from, to, granularity);
        }
    }

    /** One count: requests in the minute or day starting at {@code start}. */
    record UsagePoint(Instant start, long requests) {
    }

    record UsageReport(Optional<ApiKeyId> keyId, Instant from, Instant to, Granularity granularity,
                       List<UsagePoint> points, long total) {
        public UsageReport {
            points = List.copyOf(points);
        }
    }
}
