package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SigningSecret;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import static dev.latchkey.application.port.out.contract.ContractKeys.RANDOM;
import static dev.latchkey.application.port.out.contract.ContractKeys.elsewhere;
import static dev.latchkey.application.port.out.contract.ContractKeys.key;
import static dev.latchkey.application.port.out.contract.ContractKeys.withDates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ApiKeyRepository} does; run by the in-memory fake and by the MyBatis adapter. Every test uses a
 * workspace of its own, so the adapters may share one store. Writes run in a transaction, as the services do.
 */
public abstract class ApiKeyRepositoryContract {

    /** Microseconds on purpose: the store keeps them exactly (and milliseconds, the clock's tick, with them). */
    protected static final Instant NOW = Instant.parse("2026-11-22T08:00:00.123456Z");
    private static final Duration MICRO = Duration.ofNanos(1000);
    private static final Comparator<ApiKey> NEWEST_FIRST = Comparator.comparing(ApiKey::createdAt)
            .thenComparing(key -> key.id().value()).reversed();

    protected abstract ApiKeyRepository keys();

    protected abstract Transactions transactions();

    /** A new workspace, stored wherever the repository needs it to be. */
    protected abstract WorkspaceId newWorkspace();

    protected final <T> T write(Supplier<T> work) {
        return transactions().inTransaction(work);
    }

    protected final ApiKey add(ApiKey key) {
        return add(key, null);
    }

    protected final ApiKey add(ApiKey key, SealedSecret sealed) {
        write(() -> {
            keys().add(key, sealed);
            return null;
        });
        return key;
    }

    @Test
    void aKeyRoundTripsWithEveryFieldByHashAndById() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = ContractKeys.withLastUse(
                withDates(key(workspace, Environment.LIVE, KeyType.SECRET, true, NOW, null),
                        Instant.parse("2027-01-31T23:59:59.999Z"), null),
                NOW.plusMillis(1), "2001:db8::7",
                List.of(IpRange.parse("203.0.113.0/24"), IpRange.parse("2001:db8::/32"), IpRange.parse("10.1.2.3")));
        add(key, new SealedSecret(new byte[]{1, 2, 3}));
        ApiKey restricted = add(key(workspace, Environment.LIVE, KeyType.RESTRICTED, false, NOW.plusMillis(1),
                NOW.plus(Duration.ofDays(1))));

        assertThat(keys().findByHash(key.hash())).contains(key);
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(key);
        assertThat(keys().findById(workspace, Environment.LIVE, restricted.id())).contains(restricted);
        assertThat(key.ipAllowlist()).extracting(IpRange::toString)
                .containsExactly("203.0.113.0/24", "2001:db8::/32", "10.1.2.3/32");
    }

    @Test
    void findByIdIsConfinedToTheWorkspaceAndEnvironment() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        ApiKey key = add(key(workspace, Environment.TEST, NOW));

        assertThat(keys().findById(workspace, Environment.TEST, key.id())).contains(key);
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).isEmpty();
        assertThat(keys().findById(other, Environment.TEST, key.id())).isEmpty();
        assertThat(keys().findById(workspace, Environment.TEST, ContractKeys.unknownId())).isEmpty();
        assertThat(keys().findByHash(key(workspace, Environment.TEST, NOW).hash())).isEmpty();
    }

    @Test
    void findByIdForUpdateFindsWhatFindByIdFindsInsideATransaction() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        ApiKey key = add(key(workspace, Environment.TEST, NOW));

        assertThat(write(() -> keys().findByIdForUpdate(workspace, Environment.TEST, key.id()))).contains(key);
        assertThat(write(() -> keys().findByIdForUpdate(workspace, Environment.LIVE, key.id()))).isEmpty();
        assertThat(write(() -> keys().findByIdForUpdate(other, Environment.TEST, key.id()))).isEmpty();
    }

    @Test
    void addRefusesADuplicateAndASealedSecretThatDoesNotMatchSigning() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = add(key(workspace, Environment.LIVE, NOW));
        ApiKey signing = key(workspace, Environment.LIVE, KeyType.SECRET, true, NOW, null);
        ApiKey plain = key(workspace, Environment.LIVE, NOW);

        assertThatThrownBy(() -> add(key)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> add(signing, null)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> add(plain, new SealedSecret(new byte[]{9}))).isInstanceOf(RuntimeException.class);
        assertThat(keys().findById(workspace, Environment.LIVE, signing.id())).isEmpty();
        assertThat(keys().findById(workspace, Environment.LIVE, plain.id())).isEmpty();
    }

    @Test
    void listingIsNewestFirstPagedByCursorAndConfinedToWorkspaceAndEnvironment() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        List<ApiKey> expected = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            expected.add(add(key(workspace, Environment.TEST, NOW.plusMillis(i))));
        }
        // the same creation time: ties go by id, descending
        expected.add(add(key(workspace, Environment.TEST, NOW.plusMillis(2))));
        expected.add(add(key(workspace, Environment.TEST, NOW.plusMillis(2))));
        expected.sort(NEWEST_FIRST);
        ApiKey live = add(key(workspace, Environment.LIVE, NOW));
        ApiKey otherWorkspace = add(key(other, Environment.TEST, NOW));

        List<ApiKey> pages = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 4; page++) {
            List<ApiKey> found = list(workspace, Environment.TEST, Optional.empty(), Optional.empty(), cursor, 2);
            assertThat(found).hasSizeLessThanOrEqualTo(2);
            pages.addAll(found);
            cursor = found.isEmpty() ? cursor : found.getLast().id().value();
        }

        assertThat(pages).containsExactlyElementsOf(expected);
        assertThat(list(workspace, Environment.TEST, Optional.empty(), Optional.empty(), null, 100))
                .containsExactlyElementsOf(expected);
        // a cursor from another workspace or environment, or an unknown one, yields nothing rather than other keys
        assertThat(list(other, Environment.TEST, Optional.empty(), Optional.empty(), expected.getFirst().id().value(), 10))
                .isEmpty();
        assertThat(list(workspace, Environment.TEST, Optional.empty(), Optional.empty(), live.id().value(), 10)).isEmpty();
        assertThat(list(workspace, Environment.TEST, Optional.empty(), Optional.empty(), otherWorkspace.id().value(), 10))
                .isEmpty();
        assertThat(list(workspace, Environment.TEST, Optional.empty(), Optional.empty(), "key_unknown", 10)).isEmpty();
        assertThat(list(workspace, Environment.LIVE, Optional.empty(), Optional.empty(), null, 10)).containsExactly(live);
    }

    @Test
    void listingFiltersByType() {
        WorkspaceId workspace = newWorkspace();
        ApiKey secret = add(key(workspace, Environment.LIVE, KeyType.SECRET, false, NOW, null));
        ApiKey publishable = add(key(workspace, Environment.LIVE, KeyType.PUBLISHABLE, false, NOW.plusMillis(1), null));
        ApiKey restricted = add(key(workspace, Environment.LIVE, KeyType.RESTRICTED, false, NOW.plusMillis(2), null));

        assertThat(list(workspace, Environment.LIVE, Optional.of(KeyType.SECRET), Optional.empty(), null, 10))
                .containsExactly(secret);
        assertThat(list(workspace, Environment.LIVE, Optional.of(KeyType.PUBLISHABLE), Optional.empty(), null, 10))
                .containsExactly(publishable);
        assertThat(list(workspace, Environment.LIVE, Optional.of(KeyType.RESTRICTED), Optional.empty(), null, 10))
                .containsExactly(restricted);
        // the cursor still applies under a filter
        assertThat(list(workspace, Environment.LIVE, Optional.of(KeyType.SECRET), Optional.empty(),
                restricted.id().value(), 10)).containsExactly(secret);
    }

    @Test
    void listingFiltersByStatusAtNowExactlyLikeTheDomain() {
        WorkspaceId workspace = newWorkspace();
        Instant expiringEdge = NOW.plus(ApiKey.EXPIRING_WINDOW);
        List<Instant[]> dates = List.of(
                new Instant[]{null, null},                                  // active
                new Instant[]{expiringEdge, null},                          // active: not before now + 7 days
                new Instant[]{expiringEdge.minus(MICRO), null},             // expiring
                new Instant[]{NOW.plus(MICRO), null},                       // expiring
                new Instant[]{NOW, null},                                   // expired at now exactly
                new Instant[]{NOW.minus(Duration.ofDays(1)), null},         // expired
                new Instant[]{null, NOW},                                   // revoked at now exactly
                new Instant[]{null, NOW.plus(MICRO)},                       // revoked only later: active
                new Instant[]{NOW.plusSeconds(60), NOW.plus(MICRO)},        // revoked only later: expiring
                new Instant[]{NOW.minusSeconds(1), NOW.minusSeconds(2)},    // revoked (and expired)
                new Instant[]{NOW, NOW.plusSeconds(1)});                    // expired, revoked only later
        List<ApiKey> all = new ArrayList<>();
        for (int i = 0; i < dates.size(); i++) {
            KeyType type = i % 2 == 0 ? KeyType.SECRET : KeyType.RESTRICTED;
            ApiKey key = key(workspace, Environment.LIVE, type, false, NOW.minusSeconds(100 - i), null);
            all.add(add(withDates(key, dates.get(i)[0], dates.get(i)[1])));
        }
        all.sort(NEWEST_FIRST);

        for (ApiKeyStatus status : ApiKeyStatus.values()) {
            List<ApiKey> expected = all.stream().filter(key -> key.status(NOW) == status).toList();
            assertThat(expected).as(status.name()).isNotEmpty();
            assertThat(list(workspace, Environment.LIVE, Optional.empty(), Optional.of(status), null, 100))
                    .as(status.name()).containsExactlyElementsOf(expected);
            assertThat(list(workspace, Environment.LIVE, Optional.of(KeyType.RESTRICTED), Optional.of(status), null, 100))
                    .as(status.name() + " restricted")
                    .containsExactlyElementsOf(expected.stream().filter(key -> key.type() == KeyType.RESTRICTED).toList());
        }
        // the same keys a day later
        Instant later = NOW.plus(Duration.ofDays(1));
        assertThat(list(workspace, Environment.LIVE, Optional.empty(), Optional.of(ApiKeyStatus.EXPIRED), later, null, 100))
                .containsExactlyElementsOf(all.stream().filter(key -> key.status(later) == ApiKeyStatus.EXPIRED).toList());
    }

    @Test
    void updateStoresOnlyTheEditableFieldsOfAKeyInItsWorkspaceAndEnvironment() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        ApiKey key = add(key(workspace, Environment.LIVE, NOW));
        ApiKey edited = key.edit("Renamed", Set.of(Scope.KEYS_READ, Scope.KEYS_WRITE), 1200,
                List.of(IpRange.parse("192.0.2.0/24"), IpRange.parse("2001:db8:1::/48")));
        // dates passed along are not editable: they stay as stored
        ApiKey withOtherDates = withDates(edited, NOW.plusSeconds(5), NOW);

        assertThat(write(() -> keys().update(withOtherDates))).isTrue();
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(edited);

        ApiKey again = edited.edit("Again", Set.of(), 60, List.of());
        assertThat(write(() -> keys().update(again))).isTrue();
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(again);

        assertThat(write(() -> keys().update(elsewhere(edited, workspace, Environment.TEST)))).isFalse();
        assertThat(write(() -> keys().update(elsewhere(edited, other, Environment.LIVE)))).isFalse();
        assertThat(write(() -> keys().update(key(workspace, Environment.LIVE, NOW)))).isFalse();
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(again);
    }

    @Test
    void revokeSetsTheFirstRevocationTimeOnly() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        ApiKey key = add(key(workspace, Environment.LIVE, NOW));
        Instant revokedAt = NOW.plusMillis(7);

        assertThat(write(() -> keys().revoke(elsewhere(key, other, Environment.LIVE), revokedAt))).isFalse();
        assertThat(write(() -> keys().revoke(elsewhere(key, workspace, Environment.TEST), revokedAt))).isFalse();
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(key);

        assertThat(write(() -> keys().revoke(key, revokedAt))).isTrue();
        assertThat(write(() -> keys().revoke(key, revokedAt.plusSeconds(1)))).isFalse();
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(key.revoke(revokedAt));
        assertThat(write(() -> keys().revoke(key(workspace, Environment.LIVE, NOW), revokedAt))).isFalse();
    }

    @Test
    void retireStoresTheRollOfAKeyOnlyOnce() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = add(key(workspace, Environment.LIVE, KeyType.SECRET, false, NOW,
                NOW.plus(Duration.ofDays(30))));
        KeyRoll first = key.roll(Duration.ofHours(1), NOW.plusSeconds(1), RANDOM);
        KeyRoll second = key.roll(Duration.ofHours(2), NOW.plusSeconds(2), RANDOM);

        add(first.successor().key());
        assertThat(write(() -> keys().retire(first.retired()))).isTrue();
        add(second.successor().key());
        assertThat(write(() -> keys().retire(second.retired()))).isFalse();

        ApiKey stored = keys().findById(workspace, Environment.LIVE, key.id()).orElseThrow();
        assertThat(stored).isEqualTo(first.retired());
        assertThat(stored.rolledToId()).isEqualTo(first.successor().key().id());
        assertThat(stored.expiresAt()).isEqualTo(NOW.plusSeconds(1).plus(Duration.ofHours(1)));
        assertThat(stored.revokedAt()).isNull();
        assertThat(keys().findById(workspace, Environment.LIVE, first.successor().key().id()))
                .contains(first.successor().key());
    }

    @Test
    void retireWithoutGraceRevokesAndARevokedOrForeignKeyIsNotRetired() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        ApiKey key = add(key(workspace, Environment.LIVE, NOW));
        KeyRoll now = key.roll(Duration.ZERO, NOW.plusMillis(3), RANDOM);
        ApiKey revoked = add(key(workspace, Environment.LIVE, NOW));
        KeyRoll ofRevoked = revoked.roll(Duration.ZERO, NOW.plusMillis(3), RANDOM);
        ApiKey foreign = add(key(workspace, Environment.LIVE, NOW));
        KeyRoll ofForeign = foreign.roll(Duration.ofHours(1), NOW.plusMillis(3), RANDOM);

        add(now.successor().key());
        assertThat(write(() -> keys().retire(now.retired()))).isTrue();
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(now.retired())
                .get().extracting(stored -> stored.status(NOW.plusMillis(3))).isEqualTo(ApiKeyStatus.REVOKED);

        write(() -> keys().revoke(revoked, NOW.plusMillis(1)));
        add(ofRevoked.successor().key());
        assertThat(write(() -> keys().retire(ofRevoked.retired()))).isFalse();
        assertThat(keys().findById(workspace, Environment.LIVE, revoked.id())).get()
                .extracting(ApiKey::rolledToId, ApiKey::revokedAt).containsExactly(null, NOW.plusMillis(1));

        add(ofForeign.successor().key());
        assertThat(write(() -> keys().retire(elsewhere(ofForeign.retired(), other, Environment.LIVE)))).isFalse();
        assertThat(write(() -> keys().retire(elsewhere(ofForeign.retired(), workspace, Environment.TEST)))).isFalse();
        assertThat(keys().findById(workspace, Environment.LIVE, foreign.id())).contains(foreign);
    }

    @Test
    void retireRefusesASuccessorThatIsNotStored() {
        WorkspaceId workspace = newWorkspace();
        ApiKey key = add(key(workspace, Environment.LIVE, NOW));
        KeyRoll roll = key.roll(Duration.ofHours(1), NOW, RANDOM);

        assertThatThrownBy(() -> write(() -> keys().retire(roll.retired()))).isInstanceOf(RuntimeException.class);
        assertThat(keys().findById(workspace, Environment.LIVE, key.id())).contains(key);
    }

    @Test
    void countUsableCountsTheKeysNeitherRevokedNorExpiredOfOneWorkspaceAndEnvironment() {
        WorkspaceId workspace = newWorkspace();
        add(key(workspace, Environment.LIVE, NOW));
        add(withDates(key(workspace, Environment.LIVE, NOW), NOW.plus(MICRO), null)); // expires a moment later
        add(withDates(key(workspace, Environment.LIVE, NOW), null, NOW.plus(MICRO))); // revoked a moment later
        add(withDates(key(workspace, Environment.LIVE, NOW), NOW, null));
        add(withDates(key(workspace, Environment.LIVE, NOW), null, NOW));
        add(key(workspace, Environment.TEST, NOW));
        add(key(newWorkspace(), Environment.LIVE, NOW));

        assertThat(keys().countUsable(workspace, Environment.LIVE, NOW)).isEqualTo(3);
        assertThat(keys().countUsable(workspace, Environment.LIVE, NOW.plusSeconds(1))).isEqualTo(1);
        assertThat(keys().countUsable(workspace, Environment.TEST, NOW)).isEqualTo(1);
        assertThat(keys().countUsable(newWorkspace(), Environment.LIVE, NOW)).isZero();
    }

    @Test
    void signingSecretsAreThoseOfTheUsableSigningKeysOfTheWorkspaceAndEnvironment() {
        WorkspaceId workspace = newWorkspace();
        WorkspaceId other = newWorkspace();
        SealedSecret active = new SealedSecret(new byte[]{1});
        SealedSecret expiring = new SealedSecret(new byte[]{2});
        SealedSecret revokedLater = new SealedSecret(new byte[]{3});
        add(signing(workspace, Environment.LIVE, null, null), active);
        add(signing(workspace, Environment.LIVE, NOW.plus(MICRO), null), expiring);
        add(signing(workspace, Environment.LIVE, null, NOW.plus(MICRO)), revokedLater);
        add(signing(workspace, Environment.LIVE, null, NOW), new SealedSecret(new byte[]{4}));
        add(signing(workspace, Environment.LIVE, NOW, null), new SealedSecret(new byte[]{5}));
        add(signing(workspace, Environment.TEST, null, null), new SealedSecret(new byte[]{6}));
        add(signing(other, Environment.LIVE, null, null), new SealedSecret(new byte[]{7}));
        add(key(workspace, Environment.LIVE, NOW));

        assertThat(keys().signingSecrets(workspace, Environment.LIVE, NOW)).containsExactlyInAnyOrder(
                new SigningSecret(active, null), new SigningSecret(expiring, NOW.plus(MICRO)),
                new SigningSecret(revokedLater, NOW.plus(MICRO)));
        assertThat(keys().signingSecrets(workspace, Environment.LIVE, NOW.plusSeconds(1)))
                .containsExactly(new SigningSecret(active, null));
        assertThat(keys().signingSecrets(newWorkspace(), Environment.LIVE, NOW)).isEmpty();
    }

    private ApiKey signing(WorkspaceId workspace, Environment environment, Instant expiresAt, Instant revokedAt) {
        return withDates(key(workspace, environment, KeyType.SECRET, true, NOW.minusSeconds(1), null), expiresAt,
                revokedAt);
    }

    private List<ApiKey> list(WorkspaceId workspace, Environment environment, Optional<KeyType> type,
                              Optional<ApiKeyStatus> status, String afterId, int limit) {
        return list(workspace, environment, type, status, NOW, afterId, limit);
    }

    private List<ApiKey> list(WorkspaceId workspace, Environment environment, Optional<KeyType> type,
                              Optional<ApiKeyStatus> status, Instant now, String afterId, int limit) {
        return keys().list(workspace, environment, type, status, now, afterId, limit);
    }
}
