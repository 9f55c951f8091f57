package dev.latchkey.application.port.out;

import dev.latchkey.domain.apikey.ApiKey;

import java.time.Instant;

/** Records one use of a key (last used, request counts) in memory; written to the store in batches. */
public interface UsageRecorder {

    void record(ApiKey key, Instant at, String clientAddress);
}
