package dev.latchkey.app.benchmark;

import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.domain.apikey.ApiKey;

import java.time.Instant;

/**
 * The usage recorder the use cases get under the {@code benchmark} profile: forwards each use to the real one (the
 * usage buffer, which {@code UsageFlushing} keeps flushing) while tracking is on, and drops it while it is off, so that
 * a load run can compare the two with everything else equal.
 */
final class SwitchableUsageRecorder implements UsageRecorder {

    private final UsageRecorder delegate;
    private volatile boolean tracking = true;

    SwitchableUsageRecorder(UsageRecorder delegate) {
        this.delegate = delegate;
    }

    @Override
    public void record(ApiKey key, Instant at, String clientAddress) {
        if (tracking) {
            delegate.record(key, at, clientAddress);
        }
    }

    boolean tracking() {
        return tracking;
    }

    void tracking(boolean tracking) {
        this.tracking = tracking;
    }
}
