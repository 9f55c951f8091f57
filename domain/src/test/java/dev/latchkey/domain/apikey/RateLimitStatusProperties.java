package dev.latchkey.domain.apikey;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitStatusProperties {

    @Property
    void resetAfterSecondsIsNeverNegativeAndReachesTheReset(
            @ForAll @LongRange(min = 0, max = 1L << 40) long reset,
            @ForAll @LongRange(min = 0, max = 1L << 40) long now) {
        long after = new RateLimitStatus(true, 60, 0, reset, 0).resetAfterSeconds(now);

        assertThat(after).isNotNegative();
        assertThat(now + after).isGreaterThanOrEqualTo(reset);
        if (reset > now) {
            assertThat(now + after).isEqualTo(reset);
        } else {
            assertThat(after).isZero();
        }
    }
}
