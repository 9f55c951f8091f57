package dev.latchkey.domain.common;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Negative;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base62Properties {

    private static final long SIX_DIGITS = 56_800_235_584L; // 62^6

    /** Independent decoder: most significant digit first, alphabet 0-9A-Za-z. */
    private static long decode(String encoded) {
        long value = 0;
        for (char c : encoded.toCharArray()) {
            int digit = c <= '9' ? c - '0' : c <= 'Z' ? c - 'A' + 10 : c - 'a' + 36;
            value = value * 62 + digit;
        }
        return value;
    }

    private static long pow62(int width) {
        long result = 1;
        for (int i = 0; i < width; i++) {
            result *= 62;
        }
        return result;
    }

    @Property
    void encodeRoundTripsAtWidthSix(@ForAll @LongRange(min = 0, max = SIX_DIGITS - 1) long value) {
        String encoded = Base62.encode(value, 6);

        assertThat(encoded).hasSize(6).matches("[0-9A-Za-z]{6}");
        assertThat(decode(encoded)).isEqualTo(value);
    }

    @Property
    void everyUnsignedCrc32FitsInSixDigits(@ForAll @LongRange(min = 0, max = 0xFFFF_FFFFL) long crc) {
        String encoded = Base62.encode(crc, 6);

        assertThat(encoded).hasSize(6);
        assertThat(decode(encoded)).isEqualTo(crc);
    }

    @Property
    void encodeHasExactlyTheRequestedWidthWhenTheValueFits(@ForAll @IntRange(min = 1, max = 10) int width,
                                                           @ForAll @LongRange(min = 0) long anyValue) {
        long value = anyValue % pow62(width);
        String encoded = Base62.encode(value, width);

        assertThat(encoded).hasSize(width);
        assertThat(decode(encoded)).isEqualTo(value);
    }

    @Property
    void valuesThatDoNotFitAreRefusedNotTruncated(@ForAll @IntRange(min = 1, max = 10) int width,
                                                  @ForAll @LongRange(min = 0) long extra) {
        long tooBig = pow62(width) + extra % (Long.MAX_VALUE - pow62(width));

        assertThatThrownBy(() -> Base62.encode(tooBig, width)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void negativeValuesAreRefused(@ForAll @Negative long value) {
        assertThatThrownBy(() -> Base62.encode(value, 11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void encodingPreservesOrder(@ForAll @LongRange(min = 0, max = SIX_DIGITS - 1) long a,
                                @ForAll @LongRange(min = 0, max = SIX_DIGITS - 1) long b) {
        assertThat(Integer.signum(Base62.encode(a, 6).compareTo(Base62.encode(b, 6))))
                .isEqualTo(Long.signum(a - b));
    }

    @Property
    void randomDrawsOnlyFromTheAlphabet(@ForAll long seed, @ForAll @IntRange(min = 0, max = 64) int length) {
        String random = Base62.random(new SplittableRandom(seed), length);

        assertThat(random).hasSize(length);
        assertThat(random.chars()).allMatch(c -> Base62.isBase62((char) c.intValue()));
    }

    @Property
    void isBase62IsMembershipInTheAlphabet(@ForAll char c) {
        assertThat(Base62.isBase62(c)).isEqualTo(Base62.ALPHABET.indexOf(c) >= 0);
    }
}
