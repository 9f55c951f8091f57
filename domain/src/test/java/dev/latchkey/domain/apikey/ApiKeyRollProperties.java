package dev.latchkey.domain.apikey;

import dev.latchkey.domain.workspace.WorkspaceId;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A roll's grace period against its own expiry (PRODUCT.md §5). */
class ApiKeyRollProperties {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws_0123456789012345678901");

    private static ApiKey key(Instant expiresAt, long seed) {
        return ApiKey.issue(WORKSPACE, "k", KeyType.SECRET, Environment.TEST, Set.of(Scope.KEYS_READ), 60, expiresAt,
                NOW.minus(Duration.ofDays(10)), new SplittableRandom(seed)).key();
    }

    /** Seconds (and a few nanoseconds) from now to the key's own expiry; null for a key that never expires. */
    @Provide
    Arbitrary<Duration> lifeLeft() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(1, 30L * 86_400).map(Duration::ofSeconds),
                Arbitraries.longs().between(1, 2_000_000).map(Duration::ofNanos),
                Arbitraries.longs().between(604_790, 604_810).map(Duration::ofSeconds))
                .injectNull(0.2);
    }

    @Property
    void theOldKeyLivesForTheGraceButNeverBeyondItsOwnExpiry(
            @ForAll @LongRange(min = 0, max = 604_800) long graceSeconds,
            @ForAll("lifeLeft") Duration lifeLeft, @ForAll long seed) {
        Instant ownExpiry = lifeLeft == null ? null : NOW.plus(lifeLeft);
        ApiKey key = key(ownExpiry, seed);
        Duration grace = Duration.ofSeconds(graceSeconds);

        KeyRoll roll = key.roll(grace, NOW, new SplittableRandom(~seed));

        ApiKey retired = roll.retired();
        assertThat(retired.rolledToId()).isEqualTo(roll.successor().key().id());
        assertThat(roll.successor().key().expiresAt()).isEqualTo(ownExpiry);
        assertThat(roll.successor().key().isUsable(NOW)).isTrue();
        if (graceSeconds == 0) {
            assertThat(retired.revokedAt()).isEqualTo(NOW);
            assertThat(retired.status(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
            assertThat(retired.expiresAt()).isEqualTo(ownExpiry);
        } else {
            Instant graceEnd = NOW.plus(grace);
            Instant expected = ownExpiry == null || graceEnd.isBefore(ownExpiry) ? graceEnd : ownExpiry;
            assertThat(retired.revokedAt()).isNull();
            assertThat(retired.expiresAt()).isEqualTo(expected);
            assertThat(retired.isUsable(NOW)).isTrue();
            assertThat(retired.isUsable(expected)).isFalse();
            assertThat(retired.isUsable(graceEnd)).isFalse();
            if (ownExpiry != null) {
                assertThat(retired.expiresAt()).isBeforeOrEqualTo(ownExpiry);
            }
        }
    }

    @Property(tries = 200)
    void aGraceOutsideZeroToSevenDaysIsRefused(
            @ForAll @From("badGrace") Duration grace, @ForAll long seed) {
        ApiKey key = key(null, seed);

        assertThatThrownBy(() -> key.roll(grace, NOW, new SplittableRandom(~seed)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Provide
    Arbitrary<Duration> badGrace() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Long.MIN_VALUE / 2, -1).map(Duration::ofNanos),
                Arbitraries.longs().between(-10_000_000, -1).map(Duration::ofSeconds),
                Arbitraries.longs().between(1, 100_000_000_000L).map(n -> ApiKey.MAX_ROLL_GRACE.plusNanos(n)),
                Arbitraries.longs().between(604_801, 100_000_000).map(Duration::ofSeconds));
    }

    @Property(tries = 200)
    void rollingNeverChangesTheSettingsOfTheSuccessor(@ForAll long seed,
                                                      @ForAll @LongRange(min = 0, max = 604_800) long grace) {
        ApiKey key = key(null, seed).edit("n" + seed, Set.of(new Scope("jobs:write")), 1 + (int) (seed & 0xFFFF),
                List.of(IpRange.parse("10.0.0.0/8")));

        ApiKey successor = key.roll(Duration.ofSeconds(grace), NOW, new SplittableRandom(~seed)).successor().key();

        assertThat(successor.spec()).isEqualTo(key.spec());
        assertThat(successor.id()).isNotEqualTo(key.id());
        assertThat(successor.hash()).isNotEqualTo(key.hash());
    }
}
