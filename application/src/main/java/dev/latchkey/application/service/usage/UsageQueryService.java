package dev.latchkey.application.service.usage;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetUsageUseCase;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.application.service.CallerAccess;
import dev.latchkey.application.service.apikey.ApiKeyQueryService;
import dev.latchkey.domain.apikey.Scope;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public final class UsageQueryService implements GetUsageUseCase {

    private final UsageRepository usage;
    private final ApiKeyRepository keys;

    public UsageQueryService(UsageRepository usage, ApiKeyRepository keys) {
        this.usage = usage;
        this.keys = keys;
    }

    /** Every minute or day of the range, zeros included, so that a chart needs no gap filling. */
    @Override
    public UsageReport usage(Caller caller, UsageQuery query) {
        CallerAccess.requireRead(caller, Scope.USAGE_READ);
        query.keyId().ifPresent(id -> ApiKeyQueryService.find(keys, caller, id));
        ChronoUnit unit = query.granularity() == Granularity.MINUTE ? ChronoUnit.MINUTES : ChronoUnit.DAYS;
        Instant from = query.from().truncatedTo(unit);
        List<UsageRepository.Bucket> buckets = query.granularity() == Granularity.MINUTE
                ? usage.perMinute(caller.workspaceId(), caller.environment(), query.keyId(), from, query.to())
                : usage.perDay(caller.workspaceId(), caller.environment(), query.keyId(), from, query.to());
        Map<Instant, Long> byStart = new HashMap<>();
        buckets.forEach(bucket -> byStart.merge(bucket.start(), bucket.requests(), Long::sum));
        List<UsagePoint> points = new ArrayList<>();
        long total = 0;
        for (Instant start = from; start.isBefore(query.to()); start = start.plus(1, unit)) {
            long requests = byStart.getOrDefault(start, 0L);
            points.add(new UsagePoint(start, requests));
            total += requests;
        }
        return new UsageReport(query.keyId(), from, query.to(), query.granularity(), points, total);
    }
}
