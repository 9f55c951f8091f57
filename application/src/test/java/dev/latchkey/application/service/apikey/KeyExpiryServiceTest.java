package dev.latchkey.application.service.apikey;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryKeyExpiryRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.out.KeyExpiryRepository;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyExpiryServiceTest {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryKeyExpiryRepository expiries = new InMemoryKeyExpiryRepository(keys, transactions);
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(new InMemoryWorkspaceRepository(),
            transactions);
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final KeyExpiryService service = new KeyExpiryService(expiries, audit, transactions, clock);
    private final TestKeys testKeys = new TestKeys();
    private final WorkspaceId workspace = WorkspaceId.newId();

    private ApiKey stored(Environment environment, Instant expiresAt, Instant revokedAt) {
        ApiKey key = TestKeys.withDates(testKeys.issue(workspace, environment, Set.of(Scope.KEYS_READ),
                clock.instant().minus(Duration.ofDays(1))).key(), expiresAt, revokedAt);
        keys.add(key, null);
        return key;
    }

    @Test
    void anExpiredKeyIsRecordedBySystemAtItsExpiry() {
        Instant expiry = clock.instant().minusSeconds(30);
        ApiKey key = stored(Environment.LIVE, expiry, null);

        assertThat(service.recordExpiries()).isOne();

        AuditEvent event = audit.all().getFirst();
        assertThat(event.action()).isEqualTo(AuditAction.KEY_EXPIRED);
        assertThat(event.actor()).isEqualTo(AuditActor.SYSTEM);
        assertThat(event.workspaceId()).isEqualTo(workspace);
        assertThat(event.environment()).isEqualTo(Environment.LIVE);
        assertThat(event.target()).isEqualTo(new AuditTarget("key", key.id().value()));
        assertThat(event.occurredAt()).isEqualTo(expiry);
        assertThat(event.ip()).isNull();
        assertThat(event.details()).isEqualTo(Map.of("prefix", key.prefix()));
        assertThat(expiries.recorded()).containsEntry(key.id(), clock.instant());
    }

    @Test
    void eachExpiryIsRecordedOnceHoweverOftenTheSweepRuns() {
        stored(Environment.TEST, clock.instant().minusSeconds(1), null);

        service.recordExpiries();
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.recordExpiries()).isZero();
        clock.advance(Duration.ofDays(30));
        assertThat(service.recordExpiries()).isZero();

        assertThat(audit.all()).hasSize(1);
    }

    @Test
    void aKeyIsRecordedOnlyOnceItsExpiryHasPassed() {
        Instant expiry = clock.instant().plusSeconds(90);
        stored(Environment.LIVE, expiry, null);
        stored(Environment.LIVE, null, null);

        assertThat(service.recordExpiries()).isZero();
        clock.set(expiry);
        assertThat(service.recordExpiries()).as("at its expiry, the key stops working").isOne();
    }

    @Test
    void aKeyRevokedBeforeItExpiredHasNoExpiry() {
        stored(Environment.LIVE, clock.instant().minusSeconds(10), clock.instant().minusSeconds(20));
        ApiKey expiredThenRevoked = stored(Environment.LIVE, clock.instant().minusSeconds(20),
                clock.instant().minusSeconds(10));

        assertThat(service.recordExpiries()).isOne();
        assertThat(audit.all()).extracting(event -> event.target().id())
                .containsExactly(expiredThenRevoked.id().value());
    }

    @Test
    void aBacklogIsWorkedOffInBatchesEachItsOwnTransaction() {
        KeyExpiryService smallBatches = new KeyExpiryService(expiries, audit, transactions, clock, 2);
        for (int i = 0; i < 5; i++) {
            stored(Environment.LIVE, clock.instant().minusSeconds(100 - i), null);
        }

        assertThat(smallBatches.recordExpiries()).isEqualTo(5);

        assertThat(transactions.count()).as("2 + 2 + 1").isEqualTo(3);
        assertThat(audit.all()).hasSize(5);
    }

    @Test
    void anExpiryAnotherNodeRecordedMeanwhileIsNotRecordedAgain() {
        ApiKey key = stored(Environment.LIVE, clock.instant().minusSeconds(5), null);
        // another node marks the key between this node's claim and its mark (the SQL adapter makes this impossible
        // with row locks; the service must not depend on it)
        KeyExpiryRepository racing = new KeyExpiryRepository() {
            @Override
            public List<ExpiredKey> claimUnrecorded(Instant now, int limit) {
                List<ExpiredKey> claimed = expiries.claimUnrecorded(now, limit);
                expiries.markRecorded(key.id(), now);
                return claimed;
            }

            @Override
            public boolean markRecorded(dev.latchkey.domain.apikey.ApiKeyId id, Instant at) {
                return expiries.markRecorded(id, at);
            }
        };

        assertThat(new KeyExpiryService(racing, audit, transactions, clock).recordExpiries()).isZero();
        assertThat(audit.all()).isEmpty();
    }
}
