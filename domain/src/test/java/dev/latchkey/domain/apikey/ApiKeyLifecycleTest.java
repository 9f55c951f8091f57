package dev.latchkey.domain.apikey;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Roll, revoke, edit and the IP allowlist of a key (PRODUCT.md §5). */
class ApiKeyLifecycleTest {

    private static final Instant CREATED = Instant.parse("2025-05-01T08:00:00Z");
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final WorkspaceId WORKSPACE = new WorkspaceId("ws_0123456789012345678901");
    private static final Scope JOBS_WRITE = new Scope("jobs:write");
    private static final List<IpRange> ALLOWLIST = List.of(IpRange.parse("203.0.113.0/24"),
            IpRange.parse("2001:db8::/32"));

    private final SplittableRandom random = new SplittableRandom(42);

    private IssuedApiKey issue(KeyType type, Instant expiresAt, boolean signing) {
        KeySpec spec = new KeySpec("deploy bot", type, Environment.LIVE, Set.of(Scope.KEYS_READ, JOBS_WRITE), 600,
                expiresAt, ALLOWLIST, signing);
        return ApiKey.issue(WORKSPACE, spec, CREATED, random);
    }

    private ApiKey key(Instant expiresAt) {
        return issue(KeyType.SECRET, expiresAt, true).key();
    }

    @Test
    void theSuccessorHasTheSameSettingsAndANewIdAndSecret() {
        IssuedApiKey original = issue(KeyType.SECRET, NOW.plus(Duration.ofDays(90)), true);

        KeyRoll roll = original.key().roll(Duration.ofHours(1), NOW, random);

        ApiKey old = original.key();
        ApiKey successor = roll.successor().key();
        assertThat(successor.workspaceId()).isEqualTo(old.workspaceId());
        assertThat(successor.name()).isEqualTo(old.name());
        assertThat(successor.type()).isEqualTo(old.type());
        assertThat(successor.environment()).isEqualTo(old.environment());
        assertThat(successor.scopes()).isEqualTo(old.scopes());
        assertThat(successor.rateLimitPerMinute()).isEqualTo(600);
        assertThat(successor.ipAllowlist()).isEqualTo(ALLOWLIST);
        assertThat(successor.signing()).isTrue();
        assertThat(successor.expiresAt()).isEqualTo(old.expiresAt());
        assertThat(successor.spec()).isEqualTo(old.spec());

        assertThat(successor.id()).isNotEqualTo(old.id());
        assertThat(successor.id().value()).startsWith("key_");
        assertThat(roll.successor().secret()).isNotEqualTo(original.secret());
        assertThat(successor.hash()).isNotEqualTo(old.hash()).isEqualTo(roll.successor().secret().hash());
        assertThat(successor.prefix()).isEqualTo(roll.successor().secret().prefix()).startsWith("sk_live_");
        assertThat(successor.last4()).isEqualTo(roll.successor().secret().last4());
        assertThat(successor.createdAt()).isEqualTo(NOW);
        assertThat(successor.revokedAt()).isNull();
        assertThat(successor.lastUsedAt()).isNull();
        assertThat(successor.rolledToId()).isNull();
        assertThat(successor.status(NOW)).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void everyTypeRollsIntoItsOwnType(KeyType type) {
        IssuedApiKey original = issue(type, null, false);

        KeyRoll roll = original.key().roll(Duration.ofDays(1), NOW, random);

        assertThat(roll.successor().key().type()).isEqualTo(type);
        assertThat(roll.successor().secret().type()).isEqualTo(type);
        assertThat(roll.successor().secret().reveal()).startsWith(type.code() + "_live_");
        assertThat(ApiKeySecret.isWellFormed(roll.successor().secret().reveal())).isTrue();
    }

    @Test
    void theRetiredKeyIsTheSameKeyPointingAtItsSuccessor() {
        ApiKey old = key(null);

        KeyRoll roll = old.roll(Duration.ofDays(1), NOW, random);

        ApiKey retired = roll.retired();
        assertThat(retired.rolledToId()).isEqualTo(roll.successor().key().id());
        assertThat(retired.id()).isEqualTo(old.id());
        assertThat(retired.hash()).isEqualTo(old.hash());
        assertThat(retired.prefix()).isEqualTo(old.prefix());
        assertThat(retired.last4()).isEqualTo(old.last4());
        assertThat(retired.name()).isEqualTo(old.name());
        assertThat(retired.scopes()).isEqualTo(old.scopes());
        assertThat(retired.createdAt()).isEqualTo(old.createdAt());
    }

    @Test
    void aZeroGraceRevokesTheOldKeyAtOnce() {
        Instant ownExpiry = NOW.plus(Duration.ofDays(30));
        ApiKey old = key(ownExpiry);

        ApiKey retired = old.roll(Duration.ZERO, NOW, random).retired();

        assertThat(retired.revokedAt()).isEqualTo(NOW);
        assertThat(retired.status(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(retired.isUsable(NOW)).isFalse();
        assertThat(retired.expiresAt()).isEqualTo(ownExpiry);
    }

    @Test
    void aGraceKeepsTheOldKeyWorkingUntilItEnds() {
        ApiKey retired = key(null).roll(Duration.ofDays(1), NOW, random).retired();

        assertThat(retired.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(retired.revokedAt()).isNull();
        assertThat(retired.status(NOW)).isEqualTo(ApiKeyStatus.EXPIRING);
        assertThat(retired.isUsable(NOW.plus(Duration.ofDays(1)).minusNanos(1))).isTrue();
        assertThat(retired.status(NOW.plus(Duration.ofDays(1)))).isEqualTo(ApiKeyStatus.EXPIRED);
    }

    @Test
    void aGraceNeverExtendsTheOldKeyBeyondItsOwnExpiry() {
        Instant ownExpiry = NOW.plus(Duration.ofHours(2));

        ApiKey retired = key(ownExpiry).roll(Duration.ofDays(7), NOW, random).retired();

        assertThat(retired.expiresAt()).isEqualTo(ownExpiry);
        assertThat(retired.status(ownExpiry)).isEqualTo(ApiKeyStatus.EXPIRED);
    }

    @Test
    void aGraceEndingBeforeTheOwnExpiryShortensIt() {
        ApiKey retired = key(NOW.plus(Duration.ofDays(60))).roll(Duration.ofSeconds(90), NOW, random).retired();

        assertThat(retired.expiresAt()).isEqualTo(NOW.plusSeconds(90));
    }

    @Test
    void theDefaultAndLongestGraceAreOneAndSevenDays() {
        assertThat(ApiKey.DEFAULT_ROLL_GRACE).isEqualTo(Duration.ofSeconds(86_400));
        assertThat(ApiKey.MAX_ROLL_GRACE).isEqualTo(Duration.ofSeconds(604_800));
        assertThat(key(null).roll(Duration.ofSeconds(604_800), NOW, random).retired().expiresAt())
                .isEqualTo(NOW.plusSeconds(604_800));
    }

    @ParameterizedTest
    @ValueSource(longs = {-1, -86_400, 604_801, 10_000_000})
    void aGraceOutside0To7DaysIsRefused(long seconds) {
        ApiKey key = key(null);

        assertThatThrownBy(() -> key.roll(Duration.ofSeconds(seconds), NOW, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.roll(Duration.ofDays(7).plusNanos(1), NOW, random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.roll(Duration.ofNanos(-1), NOW, random))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRevokedKeyCannotBeRolled() {
        assertConflict(key(null).revoke(NOW.minusSeconds(1)));
        assertConflict(key(null).revoke(NOW));
    }

    @Test
    void anExpiredKeyCannotBeRolled() {
        assertConflict(key(NOW));
        assertConflict(key(NOW.minusSeconds(1)));
    }

    @Test
    void aKeyCannotBeRolledTwiceEvenDuringItsGrace() {
        ApiKey retired = key(null).roll(Duration.ofDays(1), NOW, random).retired();
        assertThat(retired.isUsable(NOW.plusSeconds(1))).isTrue();

        assertConflict(retired, NOW.plusSeconds(1));
        assertConflict(key(null).roll(Duration.ZERO, NOW, random).retired());
    }

    @Test
    void anExpiringKeyCanStillBeRolled() {
        ApiKey key = key(NOW.plus(Duration.ofDays(1)));
        assertThat(key.status(NOW)).isEqualTo(ApiKeyStatus.EXPIRING);
        assertThat(key.canRoll(NOW)).isTrue();

        assertThat(key.roll(Duration.ofHours(1), NOW, random).retired().rolledToId()).isNotNull();
    }

    private void assertConflict(ApiKey key) {
        assertConflict(key, NOW);
    }

    /** A refused roll, and {@code canRoll} says so beforehand. */
    private void assertConflict(ApiKey key, Instant at) {
        assertThat(key.canRoll(at)).isFalse();
        DomainException e = catchThrowableOfType(DomainException.class, () -> key.roll(Duration.ofDays(1), at,
                random));
        assertThat(e).as("rolling a %s key", key.status(at).code()).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void revokeRevokesAtNowAndChangesNothingElse() {
        ApiKey key = key(null);

        ApiKey revoked = key.revoke(NOW);

        assertThat(revoked.revokedAt()).isEqualTo(NOW);
        assertThat(revoked.status(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(revoked).isEqualTo(new ApiKey(key.id(), key.workspaceId(), key.name(), key.type(),
                key.environment(), key.prefix(), key.last4(), key.hash(), key.scopes(), key.rateLimitPerMinute(),
                key.ipAllowlist(), key.signing(), key.createdAt(), key.expiresAt(), NOW, key.lastUsedAt(),
                key.lastUsedIp(), key.rolledToId()));
    }

    @Test
    void revokingAgainKeepsTheFirstRevocationTime() {
        ApiKey revoked = key(null).revoke(NOW);

        assertThat(revoked.revoke(NOW.plusSeconds(60)).revokedAt()).isEqualTo(NOW);
        assertThat(revoked.revoke(NOW.plus(Duration.ofDays(400))).revokedAt()).isEqualTo(NOW);
    }

    @Test
    void revokingAKeyWhoseRevocationIsScheduledLaterRevokesItNow() {
        ApiKey key = key(null);
        ApiKey scheduled = new ApiKey(key.id(), key.workspaceId(), key.name(), key.type(), key.environment(),
                key.prefix(), key.last4(), key.hash(), key.scopes(), key.rateLimitPerMinute(), key.ipAllowlist(),
                key.signing(), key.createdAt(), key.expiresAt(), NOW.plus(Duration.ofHours(1)), null, null, null);

        ApiKey revoked = scheduled.revoke(NOW);

        assertThat(revoked.status(NOW)).isEqualTo(ApiKeyStatus.REVOKED);
        assertThat(revoked.revokedAt()).isEqualTo(NOW);
    }

    @Test
    void editChangesTheEditableFieldsOnly() {
        ApiKey key = key(NOW.plus(Duration.ofDays(30))).revoke(NOW);
        List<IpRange> newAllowlist = List.of(IpRange.parse("198.51.100.0/24"));

        ApiKey edited = key.edit("renamed", Set.of(Scope.USAGE_READ), 1200, newAllowlist);

        assertThat(edited.name()).isEqualTo("renamed");
        assertThat(edited.scopes()).containsExactly(Scope.USAGE_READ);
        assertThat(edited.rateLimitPerMinute()).isEqualTo(1200);
        assertThat(edited.ipAllowlist()).isEqualTo(newAllowlist);

        assertThat(edited.id()).isEqualTo(key.id());
        assertThat(edited.workspaceId()).isEqualTo(key.workspaceId());
        assertThat(edited.type()).isEqualTo(key.type());
        assertThat(edited.environment()).isEqualTo(key.environment());
        assertThat(edited.hash()).isEqualTo(key.hash());
        assertThat(edited.prefix()).isEqualTo(key.prefix());
        assertThat(edited.last4()).isEqualTo(key.last4());
        assertThat(edited.signing()).isEqualTo(key.signing()).isTrue();
        assertThat(edited.createdAt()).isEqualTo(key.createdAt());
        assertThat(edited.expiresAt()).isEqualTo(key.expiresAt());
        assertThat(edited.revokedAt()).isEqualTo(key.revokedAt());
        assertThat(edited.rolledToId()).isEqualTo(key.rolledToId());
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void editNeverChangesTypeEnvironmentOrHash(KeyType type) {
        ApiKey key = issue(type, null, false).key();

        ApiKey edited = key.edit("x", Set.of(JOBS_WRITE), 1, List.of());

        assertThat(edited.type()).isEqualTo(type);
        assertThat(edited.environment()).isEqualTo(Environment.LIVE);
        assertThat(edited.hash()).isEqualTo(key.hash());
        assertThat(edited.signing()).isFalse();
    }

    @Test
    void editValidatesLikeTheConstructor() {
        ApiKey key = key(null);

        assertThatThrownBy(() -> key.edit("x", Set.of(), 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key.edit(null, Set.of(), 60, List.of())).isInstanceOf(NullPointerException.class);
    }

    @Test
    void anEmptyAllowlistAllowsEveryAddress() {
        ApiKey key = issue(KeyType.SECRET, null, false).key().edit("open", Set.of(), 60, List.of());

        assertThat(key.allowsAddress("203.0.113.9")).isTrue();
        assertThat(key.allowsAddress("8.8.8.8")).isTrue();
        assertThat(key.allowsAddress("2001:db8::1")).isTrue();
        assertThat(key.allowsAddress("::1")).isTrue();
    }

    @Test
    void aNonEmptyAllowlistAllowsOnlyItsBlocks() {
        ApiKey key = key(null);

        assertThat(key.allowsAddress("203.0.113.9")).isTrue();
        assertThat(key.allowsAddress("203.0.113.255")).isTrue();
        assertThat(key.allowsAddress("2001:db8:1::5")).isTrue();
        assertThat(key.allowsAddress("::ffff:203.0.113.9")).isTrue();

        assertThat(key.allowsAddress("203.0.114.1")).isFalse();
        assertThat(key.allowsAddress("198.51.100.1")).isFalse();
        assertThat(key.allowsAddress("2001:db9::1")).isFalse();
        assertThat(key.allowsAddress("::ffff:198.51.100.1")).isFalse();
        assertThat(key.allowsAddress("localhost")).isFalse();
        assertThat(key.allowsAddress("")).isFalse();
        assertThat(key.allowsAddress(null)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"PUBLISHABLE", "RESTRICTED"})
    void onlySecretKeysSign(KeyType type) {
        ApiKey secret = key(null);
        assertThat(secret.signing()).isTrue();

        assertThatThrownBy(() -> new ApiKey(secret.id(), secret.workspaceId(), secret.name(), type,
                secret.environment(), secret.prefix(), secret.last4(), secret.hash(), secret.scopes(), 60,
                List.of(), true, CREATED, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeySpec("k", type, Environment.TEST, Set.of(Scope.KEYS_READ), 60, null,
                List.of(), true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> issue(type, null, true)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeySpec("k", type, Environment.TEST, Set.of(Scope.KEYS_READ), 60, null, List.of(), false)
                .signing()).isFalse();
    }

    @Test
    void issueCarriesTheSpecIntoTheKey() {
        Instant expiry = NOW.plus(Duration.ofDays(3));
        IssuedApiKey issued = issue(KeyType.SECRET, expiry, true);

        assertThat(issued.key().spec()).isEqualTo(new KeySpec("deploy bot", KeyType.SECRET, Environment.LIVE,
                Set.of(Scope.KEYS_READ, JOBS_WRITE), 600, expiry, ALLOWLIST, true));
        assertThat(issued.key().signing()).isTrue();
        assertThat(issued.key().ipAllowlist()).isEqualTo(ALLOWLIST);
    }

    @Test
    void theAllowlistIsCopied() {
        List<IpRange> allowlist = new ArrayList<>(List.of(IpRange.parse("10.0.0.0/8")));
        KeySpec spec = new KeySpec("k", KeyType.SECRET, Environment.TEST, Set.of(), 60, null, allowlist, false);
        ApiKey key = ApiKey.issue(WORKSPACE, spec, NOW, random).key();
        allowlist.add(IpRange.parse("0.0.0.0/0"));

        assertThat(spec.ipAllowlist()).hasSize(1);
        assertThat(key.ipAllowlist()).hasSize(1);
        assertThat(key.allowsAddress("8.8.8.8")).isFalse();
        assertThatThrownBy(() -> key.ipAllowlist().add(IpRange.parse("0.0.0.0/0")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
