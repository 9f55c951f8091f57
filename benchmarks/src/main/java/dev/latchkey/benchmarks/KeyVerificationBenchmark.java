package dev.latchkey.benchmarks;

import dev.latchkey.app.security.Bucket4jRateLimiter;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.application.service.apikey.ApiKeyAuthenticationService;
import dev.latchkey.application.service.usage.UsageBuffer;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.persistence.cache.CachingApiKeyRepository;
import dev.latchkey.persistence.cache.CachingWorkspaceLockRepository;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The in-process cost of authenticating one request with an API key, through the real classes the app wires
 * ({@code UseCaseConfiguration}, {@code KeyCacheConfiguration}, {@code SecurityAdaptersConfiguration}):
 * {@link ApiKeyAuthenticationService#authenticate} parses the key and checks its checksum, hashes it (SHA-256), looks
 * it up in the {@link CachingApiKeyRepository} (Caffeine; every lookup measured here is a cache hit, found or not
 * found, which {@link #everyLookupWasACacheHit} checks), judges status, environment and IP allowlist, takes a token
 * from the {@link Bucket4jRateLimiter} and records the use in the {@link UsageBuffer}.
 * <p>
 * Only the store behind the cache is a stand-in ({@link MapKeyStore}), and the usage buffer writes to nowhere
 * ({@link NoUsageStore}); neither is reached on the measured path. Run: {@code java -jar benchmarks/target/benchmarks.jar}
 * (add e.g. {@code -f 1 -wi 2 -i 3} for a shorter run, or a regular expression to pick benchmarks).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 1) // on 2 cores the JIT needs about 3 s before these paths settle
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class KeyVerificationBenchmark {

    private static final String CLIENT_ADDRESS = "203.0.113.7";
    /** High enough never to run out in a minute, even at millions of requests per second. */
    private static final int HIGH_LIMIT = 1_000_000_000;
    /** What a secret key created through the API holds: every platform scope. */
    private static final Set<dev.latchkey.domain.apikey.Scope> SECRET_KEY_SCOPES =
            Set.copyOf(dev.latchkey.domain.apikey.Scope.PLATFORM);

    private final Clock clock = Clock.tickMillis(ZoneOffset.UTC); // as the app's
    private MapKeyStore store;
    private CachingApiKeyRepository cache;
    private CachingWorkspaceLockRepository locks;
    private NoLocksStore lockStore;
    private long lockLookupsAfterSetUp;
    private Bucket4jRateLimiter rateLimiter;
    private UsageBuffer usage;
    private ApiKey validApiKey;
    private KeyHash validHash;
    private String validBucket;
    private String limitedBucket;
    private ApiKeyAuthenticationService tracked;
    private ApiKeyAuthenticationService untracked;
    private String validKey;
    private String limitedKey;
    private String unknownKey;
    private long lookupsAfterSetUp;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom random = new SplittableRandom(7);
        WorkspaceId workspace = WorkspaceId.newId();
        store = new MapKeyStore();
        IssuedApiKey valid = ApiKey.issue(workspace, "bench", KeyType.SECRET, Environment.LIVE, SECRET_KEY_SCOPES,
                HIGH_LIMIT, null, clock.instant(), random);
        IssuedApiKey limited = ApiKey.issue(workspace, "bench limited", KeyType.SECRET, Environment.LIVE,
                SECRET_KEY_SCOPES, 1, null, clock.instant(), random);
        store.add(valid.key(), null);
        store.add(limited.key(), null);
        validKey = valid.secret().reveal();
        limitedKey = limited.secret().reveal();
        unknownKey = ApiKeySecret.generate(KeyType.SECRET, Environment.LIVE, random).reveal(); // well-formed, not stored

        // the app's cache settings, but a TTL longer than any run, so that every measured lookup is a hit
        cache = new CachingApiKeyRepository(store, change -> { }, Duration.ofHours(1),
                100_000);
        cache.listening(true); // caches nothing until it hears the other nodes' announcements
        rateLimiter = new Bucket4jRateLimiter(clock);
        usage = new UsageBuffer(new NoUsageStore(), new DirectTransactions());
        UsageRecorder noUsage = (key, at, clientAddress) -> { };
        ServedEnvironments served = ServedEnvironments.both();
        // live keys: each request also asks whether the workspace's kill switch is on (a cache hit)
        lockStore = new NoLocksStore();
        locks = new CachingWorkspaceLockRepository(lockStore, change -> { }, Duration.ofHours(1), 10_000);
        locks.listening(true);
        tracked = new ApiKeyAuthenticationService(cache, locks, rateLimiter, usage, served, clock);
        untracked = new ApiKeyAuthenticationService(cache, locks, rateLimiter, noUsage, served, clock);

        // fill the cache (found and not found), spend the limited key's budget, and check each path is the one meant
        require(tracked.authenticate(validKey, CLIENT_ADDRESS).rateLimit().allowed(), "the valid key is allowed");
        require(tracked.authenticate(limitedKey, CLIENT_ADDRESS).rateLimit().allowed(), "the first use is allowed");
        require(!tracked.authenticate(limitedKey, CLIENT_ADDRESS).rateLimit().allowed(), "the second is refused");
        require(authInvalid(), "the unknown key is refused with auth_invalid");
        require(cache.holds(valid.key().hash()) && cache.holds(limited.key().hash())
                && cache.holds(ApiKeySecret.parse(unknownKey).hash()), "every key is cached");
        validApiKey = valid.key();
        validHash = valid.key().hash();
        validBucket = valid.key().id().value();
        limitedBucket = limited.key().id().value();
        lookupsAfterSetUp = store.lookups();
        lockLookupsAfterSetUp = lockStore.lookups();
    }

    /** What {@code UsageFlushing} does every few seconds, so that the buffer stays as small as in the app. */
    @Setup(Level.Iteration)
    public void flushUsage() {
        usage.flush();
    }

    @TearDown(Level.Trial)
    public void everyLookupWasACacheHit() {
        require(store.lookups() == lookupsAfterSetUp, "no lookup reached the store during the benchmark ("
                + (store.lookups() - lookupsAfterSetUp) + " did)");
        require(lockStore.lookups() == lockLookupsAfterSetUp, "no lock lookup reached the store during the benchmark");
    }

    /** A valid key: cache hit, allowed, its use recorded. */
    @Benchmark
    public Authentication validKey() {
        return tracked.authenticate(validKey, CLIENT_ADDRESS);
    }

    /** The same with last-used and usage tracking off (a recorder that drops every use), for comparison. */
    @Benchmark
    public Authentication validKeyUsageTrackingOff() {
        return untracked.authenticate(validKey, CLIENT_ADDRESS);
    }

    /** The valid key from four threads at once: contention on one key's cache entry, bucket and usage counters. */
    @Benchmark
    @Threads(4)
    public Authentication validKeyFourThreads() {
        return tracked.authenticate(validKey, CLIENT_ADDRESS);
    }

    /** A key over its rate limit: cache hit, refused by the limiter (the 429 path); nothing recorded. */
    @Benchmark
    public Authentication rateLimitedKey() {
        return tracked.authenticate(limitedKey, CLIENT_ADDRESS);
    }

    /** A well-formed key that does not exist: the cached "not found", answered with auth_invalid. */
    @Benchmark
    public Object unknownKey() {
        try {
            return tracked.authenticate(unknownKey, CLIENT_ADDRESS);
        } catch (DomainException e) {
            return e;
        }
    }

    // --- the parts of validKey, one by one (where the time goes)

    /** Part: parse, checksum (CRC-32) and hash (SHA-256) of the presented key: what no cache can spare. */
    @Benchmark
    public KeyHash partParseChecksumAndHash() {
        return ApiKeySecret.parse(validKey).hash();
    }

    /** Part: the cached lookup by hash (a hit). */
    @Benchmark
    public Object partCacheHit() {
        return cache.findByHash(validHash);
    }

    /** Part: one token from the key's rate limit bucket (allowed). */
    @Benchmark
    public Object partRateLimit() {
        return rateLimiter.consume(validBucket, HIGH_LIMIT);
    }

    /** Part: asking the limited key's bucket, which refuses (the 429 path). */
    @Benchmark
    public Object partRateLimitRefused() {
        return rateLimiter.consume(limitedBucket, 1);
    }

    /** Part: recording one use in the usage buffer. */
    @Benchmark
    public UsageBuffer partRecordUsage() {
        usage.record(validApiKey, clock.instant(), CLIENT_ADDRESS);
        return usage;
    }

    private boolean authInvalid() {
        try {
            tracked.authenticate(unknownKey, CLIENT_ADDRESS);
            return false;
        } catch (DomainException e) {
            return e.code() == ErrorCode.AUTH_INVALID;
        }
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up is not what it should be: " + what);
        }
    }

    /** Runs the work directly: the usage store here writes nothing. */
    static final class DirectTransactions implements Transactions {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    }
}
