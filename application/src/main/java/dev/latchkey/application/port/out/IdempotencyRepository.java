package dev.latchkey.application.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency records (PRODUCT.md §7): one per scope (workspace, environment, credential) and key. A record is
 * claimed before its request runs and completed with the response afterwards.
 */
public interface IdempotencyRepository {

    /** Inserts an in-progress record; false when the scope already holds this key. */
    boolean claim(String scope, String key, byte[] fingerprint, Instant at);

    Optional<IdempotencyRecord> find(String scope, String key);

    /** Stores the response of a claimed record. */
    void complete(String scope, String key, int status, String contentType, SealedSecret body);

    /** Deletes a record (an abandoned request, or one older than its lifetime being taken over). */
    void delete(String scope, String key);

    /** Deletes every record created before {@code before}; returns how many. */
    int purgeCreatedBefore(Instant before);

    /** {@code status} is null while the first request is still running. */
    record IdempotencyRecord(String scope, String key, byte[] fingerprint, Instant createdAt, Integer status,
                             String contentType, SealedSecret body) {
        public boolean completed() {
            return status != null;
        }
    }
}
