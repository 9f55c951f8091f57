package dev.latchkey.application.service.audit;

import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.PlanLimits;
import dev.latchkey.domain.workspace.Plans;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Deletes audit events older than their workspace's plan keeps them (PRODUCT.md §10); run on a schedule. */
public final class AuditRetention {

    private final AuditRepository events;
    private final Plans plans;
    private final Transactions transactions;
    private final Clock clock;

    public AuditRetention(AuditRepository events, Plans plans, Transactions transactions, Clock clock) {
        this.events = events;
        this.plans = plans;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Returns how many events were deleted. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int purged = 0;
        for (Plan plan : Plan.values()) {
            int days = plans.of(plan).auditRetentionDays();
            if (days != PlanLimits.UNLIMITED) {
                Instant before = now.minus(Duration.ofDays(days));
                purged += transactions.inTransaction(() -> events.purgeBefore(plan, before));
            }
        }
        return purged;
    }
}
