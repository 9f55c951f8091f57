package dev.latchkey.app;

import dev.latchkey.application.port.in.RecordKeyExpiriesUseCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Records {@code key.expired} in the audit log for the keys whose expiry has passed, every
 * {@code latchkey.key-expiry.sweep-interval} (default 60 s, so an expiry is recorded within about a minute). Every
 * node sweeps; the database makes sure each expiry is recorded once ({@code KeyExpiryService}).
 */
@Component
class KeyExpirySweeping implements SmartLifecycle {

    static final String INTERVAL_PROPERTY = "latchkey.key-expiry.sweep-interval";
    private static final Logger log = LoggerFactory.getLogger(KeyExpirySweeping.class);

    private final RecordKeyExpiriesUseCase expiries;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    KeyExpirySweeping(RecordKeyExpiriesUseCase expiries,
                      @Value("${" + INTERVAL_PROPERTY + ":60s}") Duration interval) {
        if (interval.isNegative() || interval.isZero() || interval.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException(INTERVAL_PROPERTY + " must be more than 0 and at most 1 h");
        }
        this.expiries = expiries;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("latchkey-key-expiry")
                .daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::sweep, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdown();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stops after the web server and before the data source closes (as {@code UsageFlushing}). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    void sweep() {
        try {
            int recorded = expiries.recordExpiries();
            if (recorded > 0) {
                log.info("recorded the expiry of {} keys in the audit log", recorded);
            }
        } catch (RuntimeException e) {
            log.warn("key expiry sweep failed (retried at the next one): {}", e.getClass().getName());
        }
    }
}
