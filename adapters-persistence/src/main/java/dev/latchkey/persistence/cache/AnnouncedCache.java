package dev.latchkey.persistence.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One per-node cache of lookups (Caffeine) kept in step with the changes every node announces: the rules that
 * {@link CachingApiKeyRepository} and {@link CachingWorkspaceLockRepository} share.
 * <ul>
 *   <li>A lookup that raced a change is never kept: each invalidation advances a generation, and a loaded value is
 *       stored only if no invalidation happened since its load began (the check and the store are atomic for that
 *       entry, and an invalidation of the entry waits for them).</li>
 *   <li>Entries are kept only while the node hears the announcements ({@link #listening}); when it stops hearing
 *       them everything is forgotten and lookups go to the store until it hears them again.</li>
 *   <li>Entries live at most {@code ttl}: a safety net for an announcement lost some other way.</li>
 * </ul>
 */
final class AnnouncedCache<K, V> {

    private record Loaded<V>(V value, long generation) {
    }

    private final Cache<K, Loaded<V>> entries;
    private final AtomicLong generation = new AtomicLong();
    /** Entries loaded before this generation were loaded before everything was last forgotten. */
    private volatile long forgottenAt;
    private volatile boolean listening;

    AnnouncedCache(Ticker ticker, Duration ttl, long maximumSize) {
        this.entries = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(ttl).maximumSize(maximumSize).build();
    }

    /** The value held for {@code key}, else {@code load}ed (and kept when nothing raced it and the node listens). */
    V get(K key, Supplier<V> load) {
        Loaded<V> held = entries.getIfPresent(key);
        if (isCurrent(held)) {
            return held.value();
        }
        long before = generation.get();
        V value = load.get();
        if (listening) {
            // atomic for this key: an invalidation of it (which advances the generation first) waits for this
            entries.asMap().compute(key, (k, current) -> generation.get() == before && listening
                    ? new Loaded<>(value, before) : current);
        }
        return value;
    }

    void forget(K key) {
        generation.incrementAndGet();
        entries.invalidate(key);
    }

    void forgetAll() {
        forgottenAt = generation.incrementAndGet();
        entries.invalidateAll();
    }

    void listening(boolean listening) {
        this.listening = listening;
        forgetAll();
    }

    boolean isListening() {
        return listening;
    }

    /** Whether a lookup of {@code key} would be answered from memory now (without looking it up). */
    boolean holds(K key) {
        return isCurrent(entries.getIfPresent(key));
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    private boolean isCurrent(Loaded<V> held) {
        return held != null && held.generation() >= forgottenAt;
    }

    /**
     * A change made through this node: announced inside its transaction (so every other node forgets it when it
     * commits), forgotten here at once, and again after its transaction ends (a lookup in between could have read the
     * row as it was before the commit).
     */
    static <A extends Announcement> void changed(KeyChangePublisher publisher, A change, Consumer<A> forget) {
        publisher.publish(change);
        forget.accept(change);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.accept(change);
                }
            });
        }
    }
}
