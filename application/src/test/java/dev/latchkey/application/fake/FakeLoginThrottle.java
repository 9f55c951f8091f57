package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.LoginThrottle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sliding-window throttle as the port describes it, in plain maps, on a clock the test controls; it also keeps a
 * log of what it was told, so tests can see that an attempt was counted, forgiven or given back.
 */
public final class FakeLoginThrottle implements LoginThrottle {

    private final int perAccount;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> accounts = new HashMap<>();
    private final Map<String, Deque<Instant>> addresses = new HashMap<>();
    private final List<String> log = new java.util.ArrayList<>();

    public FakeLoginThrottle(int perAccount, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    @Override
    public synchronized Attempt tryAttempt(String account, String clientAddress) {
        Instant now = clock.instant();
        Deque<Instant> ofAccount = recent(accounts, account, now);
        Deque<Instant> ofAddress = clientAddress == null ? new ArrayDeque<>() : recent(addresses, clientAddress, now);
        long wait = 0;
        if (ofAccount.size() >= perAccount) {
            wait = Math.max(wait, secondsUntil(ofAccount.peekFirst().plus(window), now));
        }
        if (clientAddress != null && ofAddress.size() >= perAddress) {
            wait = Math.max(wait, secondsUntil(ofAddress.peekFirst().plus(window), now));
        }
        if (wait > 0) {
            log.add("refused " + account + " " + clientAddress);
            return Attempt.refused(wait);
        }
        ofAccount.addLast(now);
        if (clientAddress != null) {
            ofAddress.addLast(now);
        }
        log.add("attempt " + account + " " + clientAddress);
        return Attempt.ALLOWED;
    }

    @Override
    public synchronized void succeeded(String account, String clientAddress) {
        accounts.remove(account);
        if (clientAddress != null) {
            recent(addresses, clientAddress, clock.instant()).pollLast();
        }
        log.add("succeeded " + account + " " + clientAddress);
    }

    @Override
    public synchronized void abandoned(String account, String clientAddress) {
        recent(accounts, account, clock.instant()).pollLast();
        if (clientAddress != null) {
            recent(addresses, clientAddress, clock.instant()).pollLast();
        }
        log.add("abandoned " + account + " " + clientAddress);
    }

    /** How many attempts of the window {@code account} has spent. */
    public synchronized int failures(String account) {
        return recent(accounts, account, clock.instant()).size();
    }

    public synchronized int addressFailures(String clientAddress) {
        return recent(addresses, clientAddress, clock.instant()).size();
    }

    public synchronized List<String> log() {
        return List.copyOf(log);
    }

    private Deque<Instant> recent(Map<String, Deque<Instant>> counts, String name, Instant now) {
        Deque<Instant> times = counts.computeIfAbsent(name, ignored -> new ArrayDeque<>());
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.pollFirst();
        }
        return times;
    }

    private static long secondsUntil(Instant then, Instant now) {
        return Math.max(1, Math.ceilDiv(Duration.between(now, then).toMillis(), 1000));
    }
}
