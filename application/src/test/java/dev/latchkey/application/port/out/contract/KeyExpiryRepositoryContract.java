package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.KeyExpiryRepository;
import dev.latchkey.application.port.out.KeyExpiryRepository.ExpiredKey;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static dev.latchkey.application.port.out.contract.ContractKeys.key;
import static dev.latchkey.application.port.out.contract.ContractKeys.withDates;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link KeyExpiryRepository} does; run by the in-memory fake and by the MyBatis adapter. The claim looks
 * across workspaces, and the SQL contracts share one database: so the keys here expire in a window of their own (1999),
 * and each test first records everything due in it, leaving only its own keys to claim.
 */
public abstract class KeyExpiryRepositoryContract {

    /** Microseconds on purpose: the store keeps them exactly. */
    protected static final Instant T0 = Instant.parse("1999-06-01T00:00:00.123456Z");
    private static final Instant WINDOW_END = Instant.parse("1999-12-31T00:00:00Z");
    private static final Instant CREATED = Instant.parse("1999-01-01T00:00:00Z");

    protected abstract ApiKeyRepository keys();

    protected abstract KeyExpiryRepository expiries();

    protected abstract Transactions transactions();

    /** A new workspace, stored wherever the keys need it to be. */
    protected abstract WorkspaceId newWorkspace();

    protected final <T> T write(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    @BeforeEach
    void recordEverythingDueInTheWindow() {
        List<ExpiredKey> due;
        do {
            due = write(() -> {
                List<ExpiredKey> claimed = expiries().claimUnrecorded(WINDOW_END, 500);
                claimed.forEach(key -> expiries().markRecorded(key.id(), WINDOW_END));
                return claimed;
            });
        } while (!due.isEmpty());
    }

    protected final ApiKey stored(WorkspaceId workspace, Instant expiresAt, Instant revokedAt) {
        ApiKey key = withDates(key(workspace, Environment.LIVE, CREATED), expiresAt, revokedAt);
        write(() -> {
            keys().add(key, null);
            return null;
        });
        return key;
    }

    protected final List<ApiKeyId> claim(Instant now, int limit) {
        return write(() -> expiries().claimUnrecorded(now, limit)).stream().map(ExpiredKey::id).toList();
    }

    private boolean mark(ApiKeyId id, Instant at) {
        return write(() -> expiries().markRecorded(id, at));
    }

    @Test
    void claimsTheKeysExpiredByNowEarliestFirst() {
        WorkspaceId workspace = newWorkspace();
        ApiKey second = stored(workspace, T0.plusSeconds(2), null);
        ApiKey first = stored(workspace, T0.plusSeconds(1), null);
        ApiKey atNow = stored(workspace, T0.plusSeconds(5), null);
        stored(workspace, T0.plusSeconds(5).plusNanos(1000), null); // a microsecond later
        stored(workspace, null, null); // never expires

        assertThat(claim(T0.plusSeconds(5), 10)).containsExactly(first.id(), second.id(), atNow.id());
        assertThat(claim(T0, 10)).as("nothing has expired yet").isEmpty();
    }

    @Test
    void aClaimNamesTheKeyItsWorkspaceEnvironmentPrefixAndExpiry() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = stored(workspace, T0, null);

        assertThat(write(() -> expiries().claimUnrecorded(T0.plusSeconds(1), 10))).containsExactly(
                new ExpiredKey(key.id(), workspace, Environment.LIVE, key.prefix(), T0));
    }

    @Test
    void keysRevokedBeforeTheyExpiredAreLeftOut() {
        WorkspaceId workspace = newWorkspace();
        stored(workspace, T0.plusSeconds(2), T0.plusSeconds(1));
        stored(workspace, T0.plusSeconds(2), T0.plusSeconds(2)); // revoked as it expired: a revocation
        ApiKey revokedLater = stored(workspace, T0.plusSeconds(2), T0.plusSeconds(3));

        assertThat(claim(T0.plusSeconds(10), 10)).containsExactly(revokedLater.id());
    }

    @Test
    void anExpiryIsRecordedOnce() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = stored(workspace, T0, null);

        assertThat(mark(key.id(), T0.plusSeconds(30))).isTrue();
        assertThat(mark(key.id(), T0.plusSeconds(31))).as("already recorded").isFalse();

        assertThat(claim(T0.plus(Duration.ofDays(1)), 10)).isEmpty();
    }

    @Test
    void markingAnUnknownKeyChangesNothing() {
        assertThat(mark(ApiKeyId.newId(), T0)).isFalse();
    }

    @Test
    void atMostTheLimitIsClaimed() {
        WorkspaceId workspace = newWorkspace();
        ApiKey first = stored(workspace, T0.plusSeconds(1), null);
        ApiKey second = stored(workspace, T0.plusSeconds(2), null);
        stored(newWorkspace(), T0.plusSeconds(3), null);

        assertThat(claim(T0.plusSeconds(10), 2)).containsExactly(first.id(), second.id());
        assertThat(claim(T0.plusSeconds(10), 10)).as("every workspace's keys").hasSize(3);
    }
}
