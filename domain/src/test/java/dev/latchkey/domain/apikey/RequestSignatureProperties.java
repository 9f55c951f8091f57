package dev.latchkey.domain.apikey;

import dev.latchkey.domain.apikey.RequestSignature.Check;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignatureProperties {

    private static final String SECRET = "sk_test_erIaHeSVR3xSn6cvwfUgnHqyLx4Y3Jae";

    @Property
    void whatIsSignedChecksAsValid(@ForAll @NotEmpty String secret, @ForAll @Size(max = 300) byte[] body,
                                   @ForAll @LongRange(min = 0, max = 99_999_999_999L) long t,
                                   @ForAll @IntRange(min = -300, max = 300) int skew) {
        String plain = RequestSignature.sign(secret, body, null);
        String timed = RequestSignature.sign(secret, body, t);
        Instant now = Instant.ofEpochSecond(t + skew);

        assertThat(RequestSignature.parse(plain).orElseThrow().check(body, List.of(secret), now))
                .isEqualTo(Check.VALID);
        assertThat(RequestSignature.parse(timed).orElseThrow().check(body, List.of(secret), now))
                .isEqualTo(Check.VALID);
        assertThat(plain).matches("sha256=[0-9a-f]{64}");
        assertThat(timed).startsWith("t=" + t + ",sha256=").doesNotEndWith(plain.substring("sha256=".length()));
    }

    @Property
    void aSignatureOutsideTheToleranceIsExpired(@ForAll @Size(max = 100) byte[] body,
                                               @ForAll @LongRange(min = 1_000_000, max = 99_999_999_999L) long t,
                                               @ForAll @LongRange(min = 301, max = 1_000_000) long off,
                                               @ForAll boolean late) {
        String timed = RequestSignature.sign(SECRET, body, t);
        Instant now = Instant.ofEpochSecond(late ? t + off : t - off);

        assertThat(RequestSignature.parse(timed).orElseThrow().check(body, List.of(SECRET), now))
                .isEqualTo(Check.EXPIRED);
    }

    @Property
    void aFlippedBitAnywhereInTheBodyIsInvalid(@ForAll @Size(min = 1, max = 300) byte[] body,
                                               @ForAll @IntRange(min = 0, max = 10_000) int position,
                                               @ForAll @IntRange(min = 0, max = 7) int bit,
                                               @ForAll boolean timestamped) {
        Long t = timestamped ? 1_764_000_000L : null;
        RequestSignature signature = RequestSignature.parse(RequestSignature.sign(SECRET, body, t)).orElseThrow();
        byte[] changed = body.clone();
        changed[position % body.length] ^= (byte) (1 << bit);

        assertThat(signature.check(changed, List.of(SECRET), Instant.ofEpochSecond(1_764_000_000L)))
                .isEqualTo(Check.INVALID);
    }

    @Property
    void onlyTheSecretThatSignedMatches(@ForAll @NotEmpty String a, @ForAll @NotEmpty String b,
                                        @ForAll @Size(max = 100) byte[] body) {
        net.jqwik.api.Assume.that(!a.equals(b));
        RequestSignature signature = RequestSignature.parse(RequestSignature.sign(a, body, null)).orElseThrow();

        assertThat(signature.check(body, List.of(b), Instant.EPOCH)).isEqualTo(Check.INVALID);
        assertThat(signature.check(body, List.of(b, a), Instant.EPOCH)).isEqualTo(Check.VALID);
    }
}
