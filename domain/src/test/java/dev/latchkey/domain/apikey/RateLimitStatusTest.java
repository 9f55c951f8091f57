package dev.latchkey.domain.apikey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The RateLimit-* headers' source (PRODUCT.md §5). */
class RateLimitStatusTest {

    @Test
    void anAllowedAndARefusedStatusAreAccepted() {
        RateLimitStatus allowed = new RateLimitStatus(true, 600, 599, 1_764_000_060L, 0);
        RateLimitStatus refused = new RateLimitStatus(false, 60, 0, 1_764_000_060L, 42);

        assertThat(allowed.allowed()).isTrue();
        assertThat(allowed.limit()).isEqualTo(600);
        assertThat(allowed.remaining()).isEqualTo(599);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(42);
        assertThat(refused.resetEpochSecond()).isEqualTo(1_764_000_060L);
    }

    @ParameterizedTest(name = "limit {0}, remaining {1}, retryAfter {2}")
    @CsvSource({"0, 0, 0", "-1, 0, 0", "-600, 10, 0", "60, -1, 0", "60, " + Integer.MIN_VALUE + ", 0",
            "60, 0, -1", "60, 0, " + Long.MIN_VALUE})
    void aNonPositiveLimitOrANegativeCountIsRefused(int limit, int remaining, long retryAfter) {
        assertThatThrownBy(() -> new RateLimitStatus(false, limit, remaining, 1_764_000_060L, retryAfter))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSmallestValidValuesAreAccepted() {
        assertThat(new RateLimitStatus(false, 1, 0, 0, 0).limit()).isEqualTo(1);
    }

    @ParameterizedTest(name = "reset {0}, now {1} -> {2}")
    @CsvSource({
            "1764000060, 1764000000, 60",
            "1764000060, 1764000059, 1",
            "1764000060, 1764000060, 0",
            "1764000060, 1764000061, 0",
            "1764000060, 1765000000, 0",
            "0, 1764000000, 0"
    })
    void resetAfterSecondsCountsDownToZeroAndStaysThere(long reset, long now, long expected) {
        assertThat(new RateLimitStatus(true, 60, 10, reset, 0).resetAfterSeconds(now)).isEqualTo(expected);
    }
}
