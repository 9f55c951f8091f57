package dev.latchkey.persistence;

import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Usage in two tables (per minute, per UTC day); each batch is one statement whatever its size. */
@Repository
public class MyBatisUsageRepository implements UsageRepository {

    private final UsageMapper mapper;

    public MyBatisUsageRepository(UsageMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void addCounts(Collection<MinuteCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        int size = counts.size();
        String[] keyIds = new String[size];
        String[] minutes = new String[size];
        Long[] requests = new Long[size];
        int i = 0;
        for (MinuteCount count : counts) {
            keyIds[i] = count.keyId().value();
            minutes[i] = count.minute().truncatedTo(ChronoUnit.MINUTES).toString();
            requests[i] = count.requests();
            i++;
        }
        StoreFailures.guard(() -> mapper.addCounts(keyIds, minutes, requests));
    }

    @Override
    public void touchLastUsed(Collection<LastUse> uses) {
        // one element per key: an UPDATE ... FROM would apply an arbitrary one of several
        Map<ApiKeyId, LastUse> latest = new LinkedHashMap<>();
        for (LastUse use : uses) {
            latest.merge(use.keyId(), use, (held, offered) -> offered.at().isAfter(held.at()) ? offered : held);
        }
        if (latest.isEmpty()) {
            return;
        }
        String[] keyIds = latest.keySet().stream().map(ApiKeyId::value).toArray(String[]::new);
        String[] ats = latest.values().stream().map(use -> use.at().toString()).toArray(String[]::new);
        String[] ips = latest.values().stream().map(LastUse::clientAddress).toArray(String[]::new);
        StoreFailures.guard(() -> mapper.touchLastUsed(keyIds, ats, ips));
    }

    @Override
    public int purgeMinutesBefore(Instant before) {
        return StoreFailures.guard(() -> mapper.purgeMinutesBefore(before));
    }

    @Override
    public List<Bucket> perMinute(WorkspaceId workspaceId, Environment environment, Optional<ApiKeyId> keyId,
                                  Instant from, Instant to) {
        return StoreFailures.guard(() -> mapper.perMinute(workspaceId.value(), environment.code(),
                keyId.map(ApiKeyId::value).orElse(null), from, to)).stream().map(UsageBucketRow::toBucket).toList();
    }

    @Override
    public List<Bucket> perDay(WorkspaceId workspaceId, Environment environment, Optional<ApiKeyId> keyId,
                               Instant from, Instant to) {
        // a day is in [from, to) when its start is: the first day starting at or after each bound
        return StoreFailures.guard(() -> mapper.perDay(workspaceId.value(), environment.code(),
                keyId.map(ApiKeyId::value).orElse(null), firstDayStartingAtOrAfter(from),
                firstDayStartingAtOrAfter(to))).stream().map(UsageDayRow::toBucket).toList();
    }

    static LocalDate firstDayStartingAtOrAfter(Instant instant) {
        LocalDate day = LocalDate.ofInstant(instant, ZoneOffset.UTC);
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().equals(instant) ? day : day.plusDays(1);
    }
}
