package dev.latchkey.app.security;

import dev.latchkey.application.port.out.LoginThrottle.Attempt;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryLoginThrottleTest {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(3, 5, WINDOW, 1000, clock);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(throttle.tryAttempt(account, address).allowed()).as("attempt %d of %s", i + 1, account)
                    .isTrue();
        }
    }

    @Test
    void anAccountGetsItsLimitOfAttemptsAndThenARefusalSayingWhenTheOldestLeavesTheWindow() {
        fail("ada@example.com", "198.51.100.1", 1);
        clock.advance(Duration.ofMinutes(5));
        fail("ada@example.com", "198.51.100.2", 2);

        Attempt refused = throttle.tryAttempt("ada@example.com", "198.51.100.3");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
        assertThat(throttle.tryAttempt("bob@example.com", "198.51.100.3").allowed()).as("another account").isTrue();
    }

    @Test
    void theWindowSlides() {
        fail("ada@example.com", null, 1);
        clock.advance(Duration.ofMinutes(10));
        fail("ada@example.com", null, 2);
        assertThat(throttle.tryAttempt("ada@example.com", null).allowed()).isFalse();

        clock.advance(Duration.ofMinutes(5)); // the first attempt leaves the window, the other two do not
        assertThat(throttle.tryAttempt("ada@example.com", null).allowed()).isTrue();
        Attempt refused = throttle.tryAttempt("ada@example.com", null);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
    }

    @Test
    void anAddressGetsItsLimitAcrossAccounts() {
        for (int i = 0; i < 5; i++) {
            fail("user" + i + "@example.com", "203.0.113.9", 1);
        }

        assertThat(throttle.tryAttempt("fresh@example.com", "203.0.113.9").allowed()).isFalse();
        assertThat(throttle.tryAttempt("fresh@example.com", "203.0.113.10").allowed()).isTrue();
    }

    @Test
    void aRefusalCountsNothing() {
        fail("ada@example.com", "203.0.113.9", 3);
        for (int i = 0; i < 10; i++) {
            assertThat(throttle.tryAttempt("ada@example.com", "203.0.113.9").allowed()).isFalse();
        }

        // the address spent only the three attempts that were let through
        fail("bob@example.com", "203.0.113.9", 2);
        assertThat(throttle.tryAttempt("carol@example.com", "203.0.113.9").allowed()).isFalse();
    }

    @Test
    void aSuccessForgetsTheAccountsAttemptsAndGivesTheAddressItsOneBack() {
        fail("ada@example.com", "203.0.113.9", 3);

        throttle.succeeded("ada@example.com", "203.0.113.9");

        fail("ada@example.com", "203.0.113.10", 3);
        // 203.0.113.9 spent 3, got one back: 2 counted, 3 more fit
        fail("bob@example.com", "203.0.113.9", 3);
        assertThat(throttle.tryAttempt("carol@example.com", "203.0.113.9").allowed()).isFalse();
    }

    @Test
    void anAbandonedAttemptIsGivenBackToBoth() {
        fail("ada@example.com", "203.0.113.9", 3);

        throttle.abandoned("ada@example.com", "203.0.113.9");

        assertThat(throttle.tryAttempt("ada@example.com", "203.0.113.9").allowed()).isTrue();
        assertThat(throttle.tryAttempt("ada@example.com", "203.0.113.9").allowed()).isFalse();
    }

    @Test
    void ipv6AddressesCountPerSlash64AndMappedIpv4AsIpv4() {
        assertThat(InMemoryLoginThrottle.addressKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(InMemoryLoginThrottle.addressKey("2001:db8:1:2:bbbb::2"))
                .isNotEqualTo(InMemoryLoginThrottle.addressKey("2001:db8:1:3::1"));
        assertThat(InMemoryLoginThrottle.addressKey("::ffff:203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(InMemoryLoginThrottle.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(InMemoryLoginThrottle.addressKey("not:an:address:zz")).isEqualTo("not:an:address:zz");

        for (int i = 1; i <= 5; i++) {
            fail("user" + i + "@example.com", "2001:db8:1:2::" + i, 1);
        }
        assertThat(throttle.tryAttempt("fresh@example.com", "2001:db8:1:2::ffff").allowed()).isFalse();
    }

    @Test
    void idleNamesAreDroppedAfterAWindow() {
        fail("ada@example.com", "203.0.113.9", 2);
        assertThat(throttle.trackedNames()).isEqualTo(2);

        clock.advance(WINDOW.plusSeconds(1));

        assertThat(throttle.trackedNames()).isZero();
    }

    @Test
    void parallelGuessesCannotOvertakeTheCount() throws Exception {
        InMemoryLoginThrottle strict = new InMemoryLoginThrottle(5, 1000, WINDOW, 1000, clock);
        List<Callable<Boolean>> guesses = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            String address = "198.51.100." + (i % 8);
            guesses.add(() -> strict.tryAttempt("ada@example.com", address).allowed());
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            long allowed = 0;
            for (Future<Boolean> guess : pool.invokeAll(guesses)) {
                allowed += guess.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        }
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryLoginThrottle(0, 5, WINDOW, 10, clock));
        assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryLoginThrottle(5, 0, WINDOW, 10, clock));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new InMemoryLoginThrottle(5, 5, Duration.ofMillis(10), 10, clock));
        assertThatIllegalArgumentException().isThrownBy(() -> new InMemoryLoginThrottle(5, 5, WINDOW, 0, clock));
    }
}
