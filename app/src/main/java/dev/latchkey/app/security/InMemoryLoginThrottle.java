package dev.latchkey.app.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.latchkey.application.port.out.LoginThrottle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;

/**
 * {@link LoginThrottle} in this node's memory: each node counts the attempts it sees (with several nodes behind a load
 * balancer, an attacker spread over them gets up to the limit per node; a shared variant can implement the same
 * port).
 *
 * <p>Semantics: a sliding window. An account (or an address) may have at most {@code limit} counted attempts whose
 * time lies within the last {@code window}; a refusal says how long until the oldest of them leaves the window. An
 * attempt is counted when it starts and stays counted as a failure unless it is reported a success (the account's
 * attempts are all forgotten, the address gets this one back) or abandoned (both get it back). So parallel guesses
 * cannot overtake the count.
 *
 * <p>Addresses: IPv4 addresses count one by one, IPv6 addresses per /64 (one subscriber's network, which hands its
 * hosts as many addresses as they want).
 *
 * <p>Memory: the times of at most {@code limit} attempts per name, in bounded Caffeine caches that drop a name a
 * window after its last attempt. Under a flood of distinct names the least useful are evicted first; a name evicted
 * starts over, the price of a bounded footprint.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {

    private static final long NANOS_PER_MILLI = 1_000_000L;

    private final int perAccount;
    private final int perAddress;
    private final long windowMillis;
    private final Clock clock;
    private final Cache<String, Attempts> accounts;
    private final Cache<String, Attempts> addresses;

    /** The times (epoch milliseconds) of the counted attempts of one name, oldest first; guarded by itself. */
    private static final class Attempts {
        private final ArrayDeque<Long> times = new ArrayDeque<>();

        /** Drops the attempts at or before {@code before}; what is left is inside the window. */
        int countAfter(long before) {
            while (!times.isEmpty() && times.peekFirst() <= before) {
                times.pollFirst();
            }
            return times.size();
        }
    }

    /**
     * @param perAccount how many attempts an account may have in a window
     * @param perAddress how many attempts a client address may have in a window
     * @param window     how long an attempt counts
     * @param maxNames   how many accounts, and how many addresses, are tracked at most
     * @param clock      time source for the windows and for dropping idle names
     */
    public InMemoryLoginThrottle(int perAccount, int perAddress, Duration window, long maxNames, Clock clock) {
        if (perAccount <= 0 || perAddress <= 0) {
            throw new IllegalArgumentException("the attempt limits must be positive");
        }
        if (window.isNegative() || window.toMillis() < 1000) {
            throw new IllegalArgumentException("the window must be at least a second");
        }
        if (maxNames <= 0) {
            throw new IllegalArgumentException("maxNames must be positive");
        }
        this.perAccount = perAccount;
        this.perAddress = perAddress;
        this.windowMillis = window.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accounts = cache(window, maxNames, clock);
        this.addresses = cache(window, maxNames, clock);
    }

    private static Cache<String, Attempts> cache(Duration window, long maxNames, Clock clock) {
        return Caffeine.newBuilder()
                .maximumSize(maxNames)
                .expireAfterAccess(window)
                .ticker(() -> clock.millis() * NANOS_PER_MILLI)
                .build();
    }

    @Override
    public Attempt tryAttempt(String account, String clientAddress) {
        Objects.requireNonNull(account, "account");
        long now = clock.millis();
        long before = now - windowMillis;
        Attempts ofAccount = accounts.get(account, name -> new Attempts());
        Attempts ofAddress = clientAddress == null ? null : addresses.get(addressKey(clientAddress),
                name -> new Attempts());
        // always the account first, then the address: no two callers wait for each other's second lock
        synchronized (ofAccount) {
            long wait = ofAccount.countAfter(before) >= perAccount ? waitMillis(ofAccount, now) : 0;
            if (ofAddress == null) {
                return wait > 0 ? refused(wait) : count(ofAccount, now);
            }
            synchronized (ofAddress) {
                if (ofAddress.countAfter(before) >= perAddress) {
                    wait = Math.max(wait, waitMillis(ofAddress, now));
                }
                if (wait > 0) {
                    return refused(wait);
                }
                ofAddress.times.addLast(now);
                return count(ofAccount, now);
            }
        }
    }

    @Override
    public void succeeded(String account, String clientAddress) {
        accounts.invalidate(account);
        giveBack(clientAddress == null ? null : addresses.getIfPresent(addressKey(clientAddress)));
    }

    @Override
    public void abandoned(String account, String clientAddress) {
        giveBack(accounts.getIfPresent(account));
        giveBack(clientAddress == null ? null : addresses.getIfPresent(addressKey(clientAddress)));
    }

    private static void giveBack(Attempts attempts) {
        if (attempts != null) {
            synchronized (attempts) {
                attempts.times.pollLast();
            }
        }
    }

    private static Attempt count(Attempts attempts, long now) {
        attempts.times.addLast(now);
        return Attempt.ALLOWED;
    }

    /** Until the oldest counted attempt leaves the window. */
    private long waitMillis(Attempts attempts, long now) {
        return Math.max(1, attempts.times.peekFirst() + windowMillis - now);
    }

    private static Attempt refused(long waitMillis) {
        return Attempt.refused(Math.ceilDiv(waitMillis, 1000));
    }

    /** IPv6 addresses by their /64; anything else (IPv4, or what does not parse) as it is. */
    static String addressKey(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // a literal with ':' is parsed as IPv6 and never looked up
            InetAddress parsed = InetAddress.getByName(address);
            byte[] bytes = parsed.getAddress();
            if (bytes.length != 16) {
                return parsed.getHostAddress(); // an IPv4-mapped address counts as its IPv4 address
            }
            byte[] network = Arrays.copyOf(bytes, 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException | IllegalArgumentException e) {
            return address;
        }
    }

    /** How many accounts and addresses are tracked, after pending expiries (for tests and metrics). */
    long trackedNames() {
        accounts.cleanUp();
        addresses.cleanUp();
        return accounts.estimatedSize() + addresses.estimatedSize();
    }

    @Override
    public String toString() {
        return "InMemoryLoginThrottle[perAccount=" + perAccount + ", perAddress=" + perAddress + ", window="
                + Duration.ofMillis(windowMillis) + "]";
    }
}
