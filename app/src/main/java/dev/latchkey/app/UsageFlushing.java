package dev.latchkey.app;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.application.service.audit.AuditRetention;
import dev.latchkey.application.service.idempotency.IdempotencyService;
import dev.latchkey.application.service.usage.UsageBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Writes the gathered key uses every {@code latchkey.usage.flush-interval} (default 10 s, so last-used times are at
 * most that stale) and once more at shutdown, before the database goes away; hourly, purges expired idempotency
 * records, per-minute counts older than {@link #MINUTE_COUNTS_KEPT} (per-day counts are kept) and audit events past
 * their plan's retention.
 */
@Component
class UsageFlushing implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(UsageFlushing.class);

    /** Per-minute counts serve the last hours' charts; older ones are deleted (the per-day counts stay). */
    static final Duration MINUTE_COUNTS_KEPT = Duration.ofDays(2);

    private final UsageBuffer buffer;
    private final IdempotencyService idempotency;
    private final UsageRepository usage;
    private final Transactions transactions;
    private final AuditRetention auditRetention;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    UsageFlushing(UsageBuffer buffer, IdempotencyService idempotency, UsageRepository usage, Transactions transactions,
                  AuditRetention auditRetention, Clock clock, LatchkeyProperties properties) {
        this.buffer = buffer;
        this.idempotency = idempotency;
        this.usage = usage;
        this.transactions = transactions;
        this.auditRetention = auditRetention;
        this.clock = clock;
        this.interval = properties.usage().flushInterval();
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("latchkey-usage-flush")
                .daemon(true).factory());
        scheduler.scheduleWithFixedDelay(this::flush, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::purge, 1, 60, TimeUnit.MINUTES);
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
        long written = buffer.flush();
        log.info("flushed {} pending key uses at shutdown", written);
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    /** Stops after the web server (its phases are higher: it stops first) and before the data source closes. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void flush() {
        try {
            buffer.flush();
        } catch (RuntimeException e) {
            log.warn("usage flush failed: {}", e.getClass().getName());
        }
    }

    private void purge() {
        try {
            int purged = idempotency.purgeExpired();
            int minutes = transactions.inTransaction(() ->
                    usage.purgeMinutesBefore(clock.instant().minus(MINUTE_COUNTS_KEPT)));
            int events = auditRetention.purgeExpired();
            if (purged + minutes + events > 0) {
                log.info("purged {} idempotency records older than 24 h, {} per-minute counts older than {} and {} "
                        + "audit events past their plan's retention", purged, minutes, MINUTE_COUNTS_KEPT, events);
            }
        } catch (RuntimeException e) {
            log.warn("purge failed: {}", e.getClass().getName());
        }
    }
}
