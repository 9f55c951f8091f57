package dev.latchkey.application.port.out;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Request counts per key and minute, and the keys' last use, written in batches. */
public interface UsageRepository {

    /** Adds each count to its key's minute (and day); at most one statement per row, all in one batch. */
    void addCounts(Collection<MinuteCount> counts);

    /** Moves each key's last use forward (never back). */
    void touchLastUsed(Collection<LastUse> uses);

    /** Requests per minute in [from, to), oldest first, only minutes with requests. */
    List<Bucket> perMinute(WorkspaceId workspaceId, Environment environment, Optional<ApiKeyId> keyId,
                           Instant from, Instant to);

    /** Requests per UTC day in [from, to), oldest first, only days with requests. */
    List<Bucket> perDay(WorkspaceId workspaceId, Environment environment, Optional<ApiKeyId> keyId,
                        Instant from, Instant to);

    /** Deletes the per-minute counts of minutes before {@code before} (day counts stay); returns how many rows. */
    int purgeMinutesBefore(Instant before);

    record MinuteCount(ApiKeyId keyId, WorkspaceId workspaceId, Environment environment, Instant minute,
                       long requests) {
    }

    record LastUse(ApiKeyId keyId, Instant at, String clientAddress) {
    }

    record Bucket(Instant start, long requests) {
    }
}
