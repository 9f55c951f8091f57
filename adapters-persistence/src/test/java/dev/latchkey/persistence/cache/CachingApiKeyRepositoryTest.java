package dev.latchkey.persistence.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.latchkey.application.fake.DelegatingApiKeyRepository;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SigningSecret;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.apikey.KeySpec;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CachingApiKeyRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final Duration TTL = Duration.ofSeconds(60);

    private final WorkspaceId workspace = WorkspaceId.newId();
    private final TestKeys testKeys = new TestKeys();
    private final InMemoryApiKeyRepository store = new InMemoryApiKeyRepository();
    private final List<Announcement> published = new ArrayList<>();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final CachingApiKeyRepository cache = new CachingApiKeyRepository(store, published::add, TTL, 1_000, ticker);

    @BeforeEach
    void listen() {
        cache.listening(true);
    }

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void aKeyIsReadFromTheStoreOnceAndThenFromMemory() {
        ApiKey key = stored();

        for (int i = 0; i < 5; i++) {
            assertThat(cache.findByHash(key.hash())).contains(key);
        }
        assertThat(store.findByHashCalls()).isEqualTo(1);
    }

    @Test
    void anUnknownKeyIsAlsoReadOnce() {
        KeyHash unknown = KeyHash.of("sk_test_unknown");

        for (int i = 0; i < 5; i++) {
            assertThat(cache.findByHash(unknown)).isEmpty();
        }
        assertThat(store.findByHashCalls()).isEqualTo(1);
    }

    @Test
    void addingAKeyForgetsThatItsHashWasUnknownAndAnnouncesIt() {
        var issued = testKeys.issue(workspace, Environment.TEST, Set.of(Scope.KEYS_READ), NOW);
        assertThat(cache.findByHash(issued.key().hash())).isEmpty();

        cache.add(issued.key(), null);

        assertThat(cache.findByHash(issued.key().hash())).contains(issued.key());
        assertThat(published).containsExactly(KeyChange.of(issued.key()));
    }

    @Test
    void revokingEditingAndRetiringForgetTheKeyAtOnceAndAnnounceIt() {
        ApiKey key = stored();
        cache.findByHash(key.hash());

        ApiKey revoked = key.revoke(NOW);
        assertThat(cache.revoke(revoked, NOW)).isTrue();
        assertThat(cache.findByHash(key.hash())).contains(revoked);

        ApiKey other = stored();
        cache.findByHash(other.hash());
        ApiKey edited = other.edit("renamed", Set.of(Scope.KEYS_READ, Scope.KEYS_WRITE), 60, List.of());
        assertThat(cache.update(edited)).isTrue();
        assertThat(cache.findByHash(other.hash())).contains(edited);

        assertThat(published).containsExactly(KeyChange.of(key), KeyChange.of(other));
    }

    @Test
    void aChangeThatStoredNothingIsNotAnnounced() {
        ApiKey never = testKeys.issue(workspace, Environment.TEST, Set.of(), NOW).key();

        assertThat(cache.revoke(never, NOW)).isFalse();
        assertThat(cache.update(never)).isFalse();
        assertThat(published).isEmpty();
    }

    @Test
    void aChangeAnnouncedByAnotherNodeIsForgotten() {
        ApiKey key = stored();
        cache.findByHash(key.hash());
        ApiKey revokedElsewhere = key.revoke(NOW);
        store.revoke(revokedElsewhere, NOW);
        assertThat(cache.findByHash(key.hash())).as("not yet announced").contains(key);

        cache.apply(KeyChange.of(key));

        assertThat(cache.findByHash(key.hash())).contains(revokedElsewhere);
    }

    /** A lookup between the change and its commit reads the row as it was: it must not be kept after the commit. */
    @Test
    void insideATransactionTheKeyIsForgottenAgainWhenTheTransactionEnds() {
        ApiKey key = stored();
        ApiKey revoked = key.revoke(NOW);
        AtomicBoolean committed = new AtomicBoolean();
        DelegatingApiKeyRepository uncommitted = new DelegatingApiKeyRepository(store) {
            @Override
            public Optional<ApiKey> findByHash(KeyHash hash) {
                return Optional.of(committed.get() ? revoked : key); // others see the revocation once it commits
            }
        };
        CachingApiKeyRepository node = new CachingApiKeyRepository(uncommitted, change -> { }, TTL, 1_000, ticker);
        node.listening(true);
        TransactionSynchronizationManager.initSynchronization();

        assertThat(node.revoke(revoked, NOW)).isTrue();
        assertThat(node.findByHash(key.hash())).as("another request before the commit").contains(key);
        committed.set(true);
        TransactionSynchronizationManager.getSynchronizations().forEach(synchronization ->
                synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

        assertThat(node.findByHash(key.hash())).contains(revoked);
    }

    @Test
    void aLookupThatRacedAChangeIsNotKept() throws Exception {
        ApiKey key = stored();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        DelegatingApiKeyRepository slowStore = new DelegatingApiKeyRepository(store) {
            @Override
            public Optional<ApiKey> findByHash(KeyHash hash) {
                Optional<ApiKey> read = store.findByHash(hash); // the row as it is now
                reading.countDown();
                await(changed); // meanwhile the key is revoked and the change announced
                return read;
            }
        };
        CachingApiKeyRepository racing = new CachingApiKeyRepository(slowStore, change -> { }, TTL, 1_000, ticker);
        racing.listening(true);

        CompletableFuture<Optional<ApiKey>> lookup = CompletableFuture.supplyAsync(() -> racing.findByHash(key.hash()));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        store.revoke(key.revoke(NOW), NOW);
        racing.apply(KeyChange.of(key));
        changed.countDown();

        assertThat(lookup.get(5, TimeUnit.SECONDS)).as("the racing request itself saw the old row").contains(key);
        assertThat(racing.size()).as("but it was not kept").isZero();
    }

    @Test
    void nothingIsKeptWhileTheNodeIsNotListening() {
        ApiKey key = stored();
        cache.findByHash(key.hash());

        cache.listening(false);
        cache.findByHash(key.hash());
        cache.findByHash(key.hash());

        assertThat(store.findByHashCalls()).isEqualTo(3);
        assertThat(cache.size()).isZero();
    }

    @Test
    void startingToListenForgetsWhatWasKept() {
        ApiKey key = stored();
        cache.findByHash(key.hash());

        cache.listening(true);
        cache.findByHash(key.hash());

        assertThat(store.findByHashCalls()).isEqualTo(2);
    }

    @Test
    void anUnreadableAnnouncementForgetsEverything() {
        ApiKey one = stored();
        ApiKey two = stored();
        cache.findByHash(one.hash());
        cache.findByHash(two.hash());

        cache.forgetAll();
        cache.findByHash(one.hash());
        cache.findByHash(two.hash());

        assertThat(store.findByHashCalls()).isEqualTo(4);
    }

    @Test
    void entriesLiveAtMostTheirTtl() {
        ApiKey key = stored();
        cache.findByHash(key.hash());

        nanos.addAndGet(TTL.minusSeconds(1).toNanos());
        cache.findByHash(key.hash());
        assertThat(store.findByHashCalls()).isEqualTo(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        cache.findByHash(key.hash());
        assertThat(store.findByHashCalls()).isEqualTo(2);
    }

    @Test
    void signingSecretsAreKeptAndFilteredByTheTimeOfEachUse() {
        ApiKey signer = ApiKey.issue(workspace, new KeySpec("Signer", KeyType.SECRET, Environment.LIVE,
                Set.of(Scope.KEYS_READ), 60, NOW.plusSeconds(30), List.of(), true), NOW, new SplittableRandom(7)).key();
        SealedSecret sealed = new SealedSecret(new byte[]{1, 2, 3});
        store.add(signer, sealed);

        assertThat(cache.signingSecrets(workspace, Environment.LIVE, NOW))
                .containsExactly(new SigningSecret(sealed, NOW.plusSeconds(30)));
        assertThat(cache.signingSecrets(workspace, Environment.LIVE, NOW.plusSeconds(30)))
                .as("expired meanwhile, without any announcement").isEmpty();
        assertThat(cache.signingSecrets(workspace, Environment.TEST, NOW)).isEmpty();
    }

    @Test
    void aChangedKeyForgetsTheSigningSecretsOfItsWorkspaceAndEnvironment() {
        assertThat(cache.signingSecrets(workspace, Environment.LIVE, NOW)).isEmpty();
        ApiKey signer = ApiKey.issue(workspace, new KeySpec("Signer", KeyType.SECRET, Environment.LIVE,
                Set.of(Scope.KEYS_READ), 60, null, List.of(), true), NOW, new SplittableRandom(8)).key();

        cache.add(signer, new SealedSecret(new byte[]{9}));

        assertThat(cache.signingSecrets(workspace, Environment.LIVE, NOW)).hasSize(1);
    }

    @Test
    void announcementsNameOnlyTheHashWorkspaceAndEnvironment() {
        var issued = testKeys.issue(workspace, Environment.LIVE, Set.of(), NOW);
        KeyChange change = KeyChange.of(issued.key());
        ApiKeySecret secret = issued.secret();

        assertThat(change.payload()).doesNotContain(secret.reveal())
                .isEqualTo(issued.key().hash().hex() + " " + workspace.value() + " live");
        assertThat(KeyChange.parse(change.payload())).contains(change);
        assertThat(KeyChange.parse("garbage")).isEmpty();
        assertThat(KeyChange.parse("abc " + workspace.value() + " live")).isEmpty();
        assertThat(KeyChange.parse(issued.key().hash().hex() + " " + workspace.value() + " prod")).isEmpty();
        assertThat(KeyChange.parse(null)).isEmpty();
    }

    private ApiKey stored() {
        ApiKey key = testKeys.issue(workspace, Environment.TEST, Set.of(Scope.KEYS_READ), NOW).key();
        store.add(key, null);
        return key;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
