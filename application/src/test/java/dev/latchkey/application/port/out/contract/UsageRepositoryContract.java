package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.application.port.out.UsageRepository.Bucket;
import dev.latchkey.application.port.out.UsageRepository.LastUse;
import dev.latchkey.application.port.out.UsageRepository.MinuteCount;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static dev.latchkey.application.port.out.contract.ContractKeys.key;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link UsageRepository} does; run by the in-memory fake and by the MyBatis adapter. Counts and last uses
 * belong to stored keys, so the contract needs the key repository of the same store.
 */
public abstract class UsageRepositoryContract {

    private static final Instant MINUTE = Instant.parse("2026-11-22T08:00:00Z");
    private static final Instant DAY = Instant.parse("2026-11-22T00:00:00Z");
    private static final Instant NEXT_DAY = Instant.parse("2026-11-23T00:00:00Z");
    private static final Duration ONE_MINUTE = Duration.ofMinutes(1);

    protected abstract UsageRepository usage();

    protected abstract ApiKeyRepository keys();

    protected abstract Transactions transactions();

    /** A new workspace, stored wherever the repositories need it to be. */
    protected abstract WorkspaceId newWorkspace();

    @Test
    void countsAddUpPerMinuteWithinAndAcrossBatches() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        ApiKey first = stored(workspace, Environment.LIVE);
        ApiKey second = stored(workspace, Environment.LIVE);
        ApiKey test = stored(workspace, Environment.TEST);
        ApiKey foreign = stored(other, Environment.LIVE);

        addCounts(List.of(count(first, MINUTE, 3), count(first, MINUTE.plus(ONE_MINUTE), 2), count(second, MINUTE, 5),
                count(test, MINUTE, 7), count(foreign, MINUTE, 11)));
        addCounts(List.of(count(first, MINUTE, 4), count(first, MINUTE, 1))); // one minute twice in one batch

        Instant to = MINUTE.plus(Duration.ofHours(1));
        assertThat(perMinute(workspace, Environment.LIVE, first, MINUTE, to))
                .containsExactly(new Bucket(MINUTE, 8), new Bucket(MINUTE.plus(ONE_MINUTE), 2));
        assertThat(usage().perMinute(workspace, Environment.LIVE, Optional.empty(), MINUTE, to))
                .containsExactly(new Bucket(MINUTE, 13), new Bucket(MINUTE.plus(ONE_MINUTE), 2));
        assertThat(usage().perMinute(workspace, Environment.TEST, Optional.empty(), MINUTE, to))
                .containsExactly(new Bucket(MINUTE, 7));
        assertThat(usage().perMinute(other, Environment.LIVE, Optional.empty(), MINUTE, to))
                .containsExactly(new Bucket(MINUTE, 11));
        // a key of another workspace or environment has no usage here
        assertThat(perMinute(workspace, Environment.LIVE, foreign, MINUTE, to)).isEmpty();
        assertThat(perMinute(workspace, Environment.LIVE, test, MINUTE, to)).isEmpty();
        // [from, to)
        assertThat(perMinute(workspace, Environment.LIVE, first, MINUTE.plus(ONE_MINUTE), to))
                .containsExactly(new Bucket(MINUTE.plus(ONE_MINUTE), 2));
        assertThat(perMinute(workspace, Environment.LIVE, first, MINUTE, MINUTE.plus(ONE_MINUTE)))
                .containsExactly(new Bucket(MINUTE, 8));
        assertThat(perMinute(workspace, Environment.LIVE, first, MINUTE.plusSeconds(1), MINUTE.plus(ONE_MINUTE)))
                .isEmpty();
    }

    @Test
    void daysSumEveryMinuteOfAKeyAndUtcDayEvenWithinOneBatch() {
        WorkspaceId workspace = newWorkspace();
        ApiKey first = stored(workspace, Environment.LIVE);
        ApiKey second = stored(workspace, Environment.LIVE);
        Instant lastMinute = NEXT_DAY.minus(ONE_MINUTE);

        addCounts(List.of(count(first, lastMinute.minus(ONE_MINUTE), 1), count(first, lastMinute, 2),
                count(first, NEXT_DAY, 4), count(second, lastMinute, 8)));
        addCounts(List.of(count(first, MINUTE, 10)));

        Instant twoDaysLater = NEXT_DAY.plus(Duration.ofDays(1));
        assertThat(perDay(workspace, first, DAY, twoDaysLater))
                .containsExactly(new Bucket(DAY, 13), new Bucket(NEXT_DAY, 4));
        assertThat(usage().perDay(workspace, Environment.LIVE, Optional.empty(), DAY, twoDaysLater))
                .containsExactly(new Bucket(DAY, 21), new Bucket(NEXT_DAY, 4));
        assertThat(usage().perDay(workspace, Environment.TEST, Optional.empty(), DAY, twoDaysLater)).isEmpty();
        // a day is in [from, to) when its start is
        assertThat(perDay(workspace, first, DAY.plusMillis(1), twoDaysLater)).containsExactly(new Bucket(NEXT_DAY, 4));
        assertThat(perDay(workspace, first, DAY, NEXT_DAY)).containsExactly(new Bucket(DAY, 13));
        assertThat(perDay(workspace, first, DAY, NEXT_DAY.plusMillis(1)))
                .containsExactly(new Bucket(DAY, 13), new Bucket(NEXT_DAY, 4));
        assertThat(perDay(workspace, first, DAY.minus(Duration.ofDays(1)), DAY)).isEmpty();
    }

    @Test
    void aMinuteIsCountedFromItsStartAndEmptyBucketsAreLeftOut() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = stored(workspace, Environment.LIVE);
        ApiKey idle = stored(workspace, Environment.LIVE);

        addCounts(List.of(count(key, MINUTE.plusSeconds(30).plusMillis(5), 1), count(idle, MINUTE, 0)));

        assertThat(usage().perMinute(workspace, Environment.LIVE, Optional.empty(), MINUTE, MINUTE.plus(ONE_MINUTE)))
                .containsExactly(new Bucket(MINUTE, 1));
        assertThat(perMinute(workspace, Environment.LIVE, idle, DAY, NEXT_DAY)).isEmpty();
        assertThat(perDay(workspace, idle, DAY, NEXT_DAY)).isEmpty();
    }

    @Test
    void purgingOldMinutesKeepsNewerMinutesAndEveryDayCount() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = stored(workspace, Environment.LIVE);
        addCounts(List.of(count(key, MINUTE.minus(ONE_MINUTE), 2), count(key, MINUTE, 3)));

        int purged = transactions().inTransaction(() -> usage().purgeMinutesBefore(MINUTE));

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(perMinute(workspace, Environment.LIVE, key, DAY, NEXT_DAY)).containsExactly(new Bucket(MINUTE, 3));
        assertThat(perDay(workspace, key, DAY, NEXT_DAY)).containsExactly(new Bucket(DAY, 5));
    }

    @Test
    void countsOfUnknownKeysAreDroppedWithoutLosingTheRestOfTheBatch() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = stored(workspace, Environment.LIVE);

        addCounts(List.of(new MinuteCount(ContractKeys.unknownId(), workspace, Environment.LIVE, MINUTE, 5),
                count(key, MINUTE, 1)));

        assertThat(usage().perMinute(workspace, Environment.LIVE, Optional.empty(), DAY, NEXT_DAY))
                .containsExactly(new Bucket(MINUTE, 1));
    }

    @Test
    void aLargeBatchIsWrittenWhole() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = stored(workspace, Environment.LIVE);
        List<MinuteCount> counts = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            counts.add(count(key, DAY.plus(ONE_MINUTE.multipliedBy(i)), 1 + i % 3));
        }

        addCounts(counts);

        long total = counts.stream().mapToLong(MinuteCount::requests).sum();
        long firstDay = counts.subList(0, 1440).stream().mapToLong(MinuteCount::requests).sum();
        List<Bucket> minutes = perMinute(workspace, Environment.LIVE, key, DAY, DAY.plus(Duration.ofDays(3)));
        assertThat(minutes).hasSize(3000);
        assertThat(minutes.getFirst()).isEqualTo(new Bucket(DAY, 1));
        assertThat(minutes.stream().mapToLong(Bucket::requests).sum()).isEqualTo(total);
        assertThat(perDay(workspace, key, DAY, DAY.plus(Duration.ofDays(3)))).extracting(Bucket::requests)
                .containsExactly(firstDay, counts.subList(1440, 2880).stream().mapToLong(MinuteCount::requests).sum(),
                        counts.subList(2880, 3000).stream().mapToLong(MinuteCount::requests).sum());
    }

    @Test
    void emptyBatchesChangeNothing() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = stored(workspace, Environment.LIVE);

        addCounts(List.of());
        touch(List.of());

        assertThat(usage().perMinute(workspace, Environment.LIVE, Optional.empty(), DAY, NEXT_DAY)).isEmpty();
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(key);
    }

    @Test
    void lastUseMovesForwardOnly() {
        WorkspaceId workspace = newWorkspace();
        ApiKey first = stored(workspace, Environment.LIVE);
        ApiKey second = stored(workspace, Environment.TEST);
        Instant at = Instant.parse("2026-11-22T08:00:01.001Z");

        touch(List.of(new LastUse(first.id(), at, "203.0.113.9")));
        assertThat(lastUse(first)).containsExactly(at, "203.0.113.9");

        touch(List.of(new LastUse(first.id(), at.minusMillis(1), "203.0.113.1"),
                new LastUse(first.id(), at, "203.0.113.2")));
        assertThat(lastUse(first)).containsExactly(at, "203.0.113.9");

        Instant later = at.plusNanos(1000); // a microsecond later is later
        touch(List.of(new LastUse(first.id(), later.plusSeconds(1), "2001:db8::1"),
                new LastUse(second.id(), later, "198.51.100.4"),
                new LastUse(first.id(), later, "203.0.113.3"),
                new LastUse(ContractKeys.unknownId(), later, "192.0.2.1")));
        assertThat(lastUse(first)).containsExactly(later.plusSeconds(1), "2001:db8::1");
        assertThat(lastUse(second)).containsExactly(later, "198.51.100.4");

        touch(List.of(new LastUse(first.id(), later.plusSeconds(2), null)));
        assertThat(lastUse(first)).containsExactly(later.plusSeconds(2), null);
        // nothing else of the key changes
        ApiKey stored = keys().findById(workspace, Environment.LIVE, first.id()).orElseThrow();
        assertThat(ContractKeys.withLastUse(stored, null, null, stored.ipAllowlist())).isEqualTo(first);
    }

    private ApiKey stored(WorkspaceId workspace, Environment environment) {
        ApiKey key = key(workspace, environment, Instant.parse("2026-11-01T00:00:00Z"));
        transactions().inTransaction(() -> {
            keys().add(key, null);
            return null;
        });
        return key;
    }

    private static MinuteCount count(ApiKey key, Instant minute, long requests) {
        return new MinuteCount(key.id(), key.workspaceId(), key.environment(), minute, requests);
    }

    private void addCounts(Collection<MinuteCount> counts) {
        transactions().inTransaction(() -> {
            usage().addCounts(counts);
            return null;
        });
    }

    private void touch(Collection<LastUse> uses) {
        transactions().inTransaction(() -> {
            usage().touchLastUsed(uses);
            return null;
        });
    }

    private List<Object> lastUse(ApiKey key) {
        ApiKey stored = keys().findById(key.workspaceId(), key.environment(), key.id()).orElseThrow();
        List<Object> use = new ArrayList<>();
        use.add(stored.lastUsedAt());
        use.add(stored.lastUsedIp());
        return use;
    }

    private List<Bucket> perMinute(WorkspaceId workspace, Environment environment, ApiKey key, Instant from, Instant to) {
        return usage().perMinute(workspace, environment, Optional.of(key.id()), from, to);
    }

    private List<Bucket> perDay(WorkspaceId workspace, ApiKey key, Instant from, Instant to) {
        return usage().perDay(workspace, Environment.LIVE, Optional.of(key.id()), from, to);
    }
}
