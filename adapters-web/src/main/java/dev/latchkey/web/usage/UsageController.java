package dev.latchkey.web.usage;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetUsageUseCase;
import dev.latchkey.application.port.in.GetUsageUseCase.Granularity;
import dev.latchkey.application.port.in.GetUsageUseCase.UsageQuery;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.web.support.FieldErrors;
import dev.latchkey.web.support.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

@RestController
@Tag(name = "Usage", description = "Request counts of the caller's workspace and environment")
public class UsageController {

    static final Duration DEFAULT_DAY_RANGE = Duration.ofDays(30);
    static final Duration DEFAULT_MINUTE_RANGE = Duration.ofHours(1);

    private final GetUsageUseCase usage;
    private final Clock clock;

    public UsageController(GetUsageUseCase usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    @Operation(operationId = "getUsage", summary = "Usage counts", description = "Requests per day or minute between `from` (inclusive) and "
            + "`to` (exclusive): by default the last 30 days per day, or the last hour per minute. At most 366 days "
            + "of daily and 1 day of minute counts. Needs `usage:read` (a key) or any membership (a user).")
    @GetMapping("/v1/usage")
    public UsageResponse get(
            Caller caller,
            @Parameter(description = "Only this key; default: all keys") @RequestParam(required = false) String keyId,
            @Parameter(description = "RFC 3339", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(description = "RFC 3339; default: now", schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to,
            @Parameter(schema = @Schema(allowableValues = {"day", "minute"}, defaultValue = "day"))
            @RequestParam(required = false) String granularity) {
        FieldErrors errors = new FieldErrors();
        String key = RequestValues.present(keyId);
        errors.check(key == null || RequestValues.isKeyId(key), "keyId", "is not a key id (key_…)");
        Granularity unit = granularity(RequestValues.present(granularity), errors);
        Optional<Instant> start = RequestValues.timestamp(from, "from", errors);
        Optional<Instant> end = RequestValues.timestamp(to, "to", errors);
        errors.throwIfAny();
        ChronoUnit bucket = unit == Granularity.MINUTE ? ChronoUnit.MINUTES : ChronoUnit.DAYS;
        // by default up to the end of the current minute or day, so that the range holds whole buckets
        Instant until = end.orElseGet(() -> clock.instant().truncatedTo(bucket).plus(1, bucket));
        Instant since = start.orElseGet(() ->
                until.minus(unit == Granularity.MINUTE ? DEFAULT_MINUTE_RANGE : DEFAULT_DAY_RANGE));
        UsageQuery query = UsageQuery.parse(Optional.ofNullable(key).map(ApiKeyId::new), since, until, unit);
        return UsageResponse.from(usage.usage(caller, query));
    }

    private static Granularity granularity(String value, FieldErrors errors) {
        if (value == null) {
            return Granularity.DAY;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "day" -> Granularity.DAY;
            case "minute" -> Granularity.MINUTE;
            default -> {
                errors.add("granularity", "must be day or minute");
                yield Granularity.DAY;
            }
        };
    }
}
