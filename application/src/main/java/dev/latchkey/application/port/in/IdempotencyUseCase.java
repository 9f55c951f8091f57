package dev.latchkey.application.port.in;

/**
 * {@code Idempotency-Key} on POST (PRODUCT.md §7), scoped to the caller's workspace, environment and credential:
 * the first request runs and its response is kept (sealed: it may hold a once-shown key) for 24 h; the same key
 * with the same request replays that response; with a different request it is {@code idempotency_conflict}; while
 * the first is still running, {@code conflict}.
 */
public interface IdempotencyUseCase {

    int MAX_KEY_LENGTH = 255;

    /** Whether to run the request (and then {@link #complete} or {@link #abandon}) or to replay a response. */
    Start begin(Caller caller, String idempotencyKey, String method, String path, byte[] body);

    /** Keeps the response of a request begun with {@code claim}. */
    void complete(Start.Proceed claim, StoredResponse response);

    /** Forgets a request that failed without an answer worth replaying (a 5xx), so that a retry runs again. */
    void abandon(Start.Proceed claim);

    sealed interface Start {
        /** Run the request; {@code claim} identifies the record to complete. */
        record Proceed(String scope, String key) implements Start {
        }

        record Replay(StoredResponse response) implements Start {
        }
    }

    record StoredResponse(int status, String contentType, byte[] body) {
        @Override
        public String toString() {
            return "StoredResponse[status=" + status + "]";
        }
    }
}
