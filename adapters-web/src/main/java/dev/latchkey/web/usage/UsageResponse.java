package dev.latchkey.web.usage;

import dev.latchkey.application.port.in.GetUsageUseCase.UsageReport;
import dev.latchkey.domain.apikey.ApiKeyId;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Request counts per minute or day of the caller's workspace and environment, for one key or all. */
public record UsageResponse(
        @Schema(types = {"string", "null"}, description = "The key counted; null: all keys") String keyId,
        @Schema(description = "Inclusive") Instant from,
        @Schema(description = "Exclusive") Instant to,
        @Schema(allowableValues = {"day", "minute"}) String granularity,
        List<Point> data,
        long total) {

    @Schema(name = "UsagePoint")
    public record Point(@Schema(description = "Start of the minute or day (UTC)") Instant start, long requests) {
    }

    public static UsageResponse from(UsageReport report) {
        return new UsageResponse(report.keyId().map(ApiKeyId::value).orElse(null), report.from(), report.to(),
                report.granularity().name().toLowerCase(Locale.ROOT),
                report.points().stream().map(point -> new Point(point.start(), point.requests())).toList(),
                report.total());
    }
}
