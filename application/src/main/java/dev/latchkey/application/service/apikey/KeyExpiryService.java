package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.RecordKeyExpiriesUseCase;
import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.port.out.KeyExpiryRepository;
import dev.latchkey.application.port.out.KeyExpiryRepository.ExpiredKey;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditTarget;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Records {@code key.expired} for each key whose expiry has passed, by the system, in batches: each batch claims its
 * keys, marks them and adds their events in one transaction, so an expiry is recorded exactly once even when every
 * node sweeps at the same time (a key another node is recording is passed over; one it has recorded is no longer
 * claimed). The event's time is the key's expiry, when it happened, not when the sweep noticed it.
 */
public final class KeyExpiryService implements RecordKeyExpiriesUseCase {

    static final int BATCH_SIZE = 100;
    /** A bound on one run, so that a backlog (after a long outage) is worked off over a few runs. */
    static final int MAX_BATCHES = 50;

    private final KeyExpiryRepository expiries;
    private final AuditRepository events;
    private final Transactions transactions;
    private final Clock clock;
    private final int batchSize;

    public KeyExpiryService(KeyExpiryRepository expiries, AuditRepository events, Transactions transactions,
                            Clock clock) {
        this(expiries, events, transactions, clock, BATCH_SIZE);
    }

    KeyExpiryService(KeyExpiryRepository expiries, AuditRepository events, Transactions transactions, Clock clock,
                     int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.expiries = expiries;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Override
    public int recordExpiries() {
        Instant now = clock.instant();
        int recorded = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            Batch done = transactions.inTransaction(() -> recordBatch(now));
            recorded += done.recorded();
            if (done.claimed() < batchSize) {
                break;
            }
        }
        return recorded;
    }

    private record Batch(int claimed, int recorded) {
    }

    private Batch recordBatch(Instant now) {
        List<ExpiredKey> due = expiries.claimUnrecorded(now, batchSize);
        int recorded = 0;
        for (ExpiredKey key : due) {
            if (expiries.markRecorded(key.id(), now)) {
                events.add(AuditEvent.of(key.workspaceId(), key.environment(), AuditAction.KEY_EXPIRED,
                        AuditActor.SYSTEM, null, new AuditTarget("key", key.id().value()), key.expiresAt(),
                        Map.of("prefix", key.prefix())));
                recorded++;
            }
        }
        return new Batch(due.size(), recorded);
    }
}
