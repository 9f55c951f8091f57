package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;

import java.util.List;
import java.util.Optional;

/**
 * Reading the keys of the caller's workspace and environment (scope {@code keys:read}, or any member).
 * A key of another workspace or environment is {@code not_found}.
 */
public interface FindApiKeysUseCase {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    /** Newest first, a page at a time, optionally only of one type and status. */
    KeyPage list(Caller caller, KeyFilter filter, PageRequest page);

    ApiKey get(Caller caller, ApiKeyId id);

    /**
     * Optional filters of a listing; empty means any. {@code environment}: a user lists the keys of that environment
     * (as if chosen with {@code Latchkey-Environment}); a key lists only its own environment's keys.
     */
    record KeyFilter(Optional<KeyType> type, Optional<ApiKeyStatus> status, Optional<Environment> environment) {
        public KeyFilter(Optional<KeyType> type, Optional<ApiKeyStatus> status) {
            this(type, status, Optional.empty());
        }

        public static KeyFilter any() {
            return new KeyFilter(Optional.empty(), Optional.empty());
        }
    }

    /** {@code cursor} is the id of the last key of the previous page, or null for the first page. */
    record PageRequest(int limit, String cursor) {
        public PageRequest {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
            }
        }

        public static PageRequest first() {
            return new PageRequest(DEFAULT_LIMIT, null);
        }
    }

    record KeyPage(List<ApiKey> keys, boolean hasMore, String nextCursor) {
        public KeyPage {
            keys = List.copyOf(keys);
        }
    }
}
