package dev.latchkey.application.service.usage;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.application.port.out.UsageRepository.LastUse;
import dev.latchkey.application.port.out.UsageRepository.MinuteCount;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Uses of keys gathered in memory (request counts per key and minute, each key's latest use) and written by
 * {@link #flush()} in one batch: no database write per request. Whoever owns the buffer calls {@code flush} on a
 * schedule and at shutdown; a crash loses at most one interval of counts and last-used times.
 */
public final class UsageBuffer implements UsageRecorder {

    private static final Logger log = Logger.getLogger(UsageBuffer.class.getName());

    private record Minute(ApiKeyId keyId, WorkspaceId workspaceId, Environment environment, Instant start) {
    }

    private final ConcurrentHashMap<Minute, Long> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<ApiKeyId, LastUse> lastUses = new ConcurrentHashMap<>();
    private final UsageRepository usage;
    private final Transactions transactions;

    public UsageBuffer(UsageRepository usage, Transactions transactions) {
        this.usage = usage;
        this.transactions = transactions;
    }

    @Override
    public void record(ApiKey key, Instant at, String clientAddress) {
        counts.merge(new Minute(key.id(), key.workspaceId(), key.environment(), at.truncatedTo(ChronoUnit.MINUTES)),
                1L, Long::sum);
        lastUses.merge(key.id(), new LastUse(key.id(), at, clientAddress),
                (held, offered) -> offered.at().isAfter(held.at()) ? offered : held);
    }

    /**
     * Writes what was gathered since the last flush, at most one row per key and minute and one last-use per key.
     * When the write fails, the drained uses go back into the buffer for the next flush. Returns the number of
     * requests written.
     */
    public synchronized long flush() {
        List<MinuteCount> drainedCounts = new ArrayList<>();
        for (Minute minute : List.copyOf(counts.keySet())) {
            Long requests = counts.remove(minute); // atomic: a use recorded after this lands in the next flush
            if (requests != null) {
                drainedCounts.add(new MinuteCount(minute.keyId(), minute.workspaceId(), minute.environment(),
                        minute.start(), requests));
            }
        }
        List<LastUse> drainedUses = new ArrayList<>();
        for (ApiKeyId keyId : List.copyOf(lastUses.keySet())) {
            LastUse use = lastUses.remove(keyId);
            if (use != null) {
                drainedUses.add(use);
            }
        }
        if (drainedCounts.isEmpty() && drainedUses.isEmpty()) {
            return 0;
        }
        try {
            transactions.inTransaction(() -> {
                usage.addCounts(drainedCounts);
                usage.touchLastUsed(drainedUses);
                return null;
            });
        } catch (RuntimeException e) {
            for (MinuteCount count : drainedCounts) {
                counts.merge(new Minute(count.keyId(), count.workspaceId(), count.environment(), count.minute()),
                        count.requests(), Long::sum);
            }
            for (LastUse use : drainedUses) {
                lastUses.merge(use.keyId(), use, (held, offered) -> offered.at().isAfter(held.at()) ? offered : held);
            }
            log.log(Level.WARNING, "could not write key usage; keeping it for the next flush: {0}",
                    e.getClass().getName());
            return 0;
        }
        return drainedCounts.stream().mapToLong(MinuteCount::requests).sum();
    }

    /** Uses gathered and not yet written (requests). */
    public long pending() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
