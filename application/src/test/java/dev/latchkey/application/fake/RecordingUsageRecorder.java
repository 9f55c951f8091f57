package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Remembers every recorded use. */
public final class RecordingUsageRecorder implements UsageRecorder {

    public record Use(ApiKeyId keyId, Instant at, String clientAddress) {
    }

    private final List<Use> uses = new ArrayList<>();

    @Override
    public synchronized void record(ApiKey key, Instant at, String clientAddress) {
        uses.add(new Use(key.id(), at, clientAddress));
    }

    public synchronized List<Use> uses() {
        return List.copyOf(uses);
    }
}
