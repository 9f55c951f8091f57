package dev.latchkey.domain.common;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Base62Test {

    @Test
    void alphabetIsDigitsUpperLower() {
        assertThat(Base62.ALPHABET).isEqualTo("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
    }

    @Test
    void knownEncodings() {
        assertThat(Base62.encode(0, 6)).isEqualTo("000000");
        assertThat(Base62.encode(61, 6)).isEqualTo("00000z");
        assertThat(Base62.encode(62, 6)).isEqualTo("000010");
        assertThat(Base62.encode(56_800_235_583L, 6)).isEqualTo("zzzzzz");
    }

    @Test
    void largestCrc32FitsInSixCharacters() {
        String encoded = Base62.encode(4_294_967_295L, 6);

        assertThat(encoded).isEqualTo("4gfFC3").hasSize(6);
    }

    @Test
    void aValueTooLargeForTheWidthIsRefused() {
        assertThatThrownBy(() -> Base62.encode(56_800_235_584L, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base62.encode(62, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Base62.encode(-1, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void randomUsesTheWholeAlphabet() {
        String sample = Base62.random(new SplittableRandom(11), 20_000);

        assertThat(sample.chars().distinct().count()).isEqualTo(62);
    }
}
