package dev.latchkey.benchmarks;

import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Where the usage buffer's flushes go in the benchmark: nowhere (flushes are not what is measured). */
final class NoUsageStore implements UsageRepository {

    @Override
    public void addCounts(Collection<MinuteCount> counts) {
    }

    @Override
    public void touchLastUsed(Collection<LastUse> uses) {
    }

    @Override
    public List<Bucket> perMinute(WorkspaceId workspaceId, Environment environment, Optional<ApiKeyId> keyId,
                                  Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<Bucket> perDay(WorkspaceId workspaceId, Environment environment, Optional<ApiKeyId> keyId,
                               Instant from, Instant to) {
        return List.of();
    }

    @Override
    public int purgeMinutesBefore(Instant before) {
        return 0;
    }
}
