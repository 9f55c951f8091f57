package dev.latchkey.application.port.out;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The keys whose expiry the audit log has still to record ({@code key.expired}, once per key however many nodes
 * sweep): a sweep claims the due keys and marks each one it records, in the transaction that records it.
 */
public interface KeyExpiryRepository {

    /**
     * Up to {@code limit} keys, earliest expiry first, whose expiry is at or before {@code now} and not yet recorded;
     * keys revoked before they expired are left out (their end was a revocation, recorded as such). Called in a
     * transaction, the keys claimed are held until it ends, and keys that another transaction holds are passed over:
     * concurrent sweeps share the work instead of waiting for each other.
     */
    List<ExpiredKey> claimUnrecorded(Instant now, int limit);

    /** Marks the expiry of a key as recorded at {@code at}; false when it already was (or there is no such key). */
    boolean markRecorded(ApiKeyId id, Instant at);

    /** What the audit event of an expiry names: the key (by id and prefix, never more of it) and when it expired. */
    record ExpiredKey(ApiKeyId id, WorkspaceId workspaceId, Environment environment, String prefix,
                      Instant expiresAt) {
        public ExpiredKey {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
