package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.ApiKey;

import java.util.List;

/** The keys of the caller's workspace and environment, newest first, a page at a time. */
public interface ListApiKeysUseCase {

    int DEFAULT_LIMIT = 20;
    int MAX_LIMIT = 100;

    KeyPage list(Caller caller, PageRequest page);

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
