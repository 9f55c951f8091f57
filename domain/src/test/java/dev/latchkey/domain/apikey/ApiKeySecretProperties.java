package dev.latchkey.domain.apikey;

import dev.latchkey.domain.common.Base62;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Properties of the key format and checksum of PRODUCT.md §2. */
class ApiKeySecretProperties {

    private static final Pattern KEY_FORMAT = Pattern.compile("^(pk|sk|rk)_(live|test)_[0-9A-Za-z]{32}$");
    private static final Pattern VALID_HEAD = Pattern.compile("^(pk|sk|rk)_(live|test)_$");

    private static ApiKeySecret generate(KeyType type, Environment environment, long seed) {
        return ApiKeySecret.generate(type, environment, new SplittableRandom(seed));
    }

    @Property
    void generatedKeyHasTheDocumentedFormat(@ForAll KeyType type, @ForAll Environment environment,
                                            @ForAll long seed) {
        String key = generate(type, environment, seed).reveal();

        assertThat(key).matches(KEY_FORMAT);
        assertThat(key).startsWith(type.code() + "_" + environment.code() + "_");
        assertThat(key).hasSize(ApiKeySecret.LENGTH);
    }

    @Property
    void generatedKeyParsesBackToAnEqualSecret(@ForAll KeyType type, @ForAll Environment environment,
                                               @ForAll long seed) {
        ApiKeySecret generated = generate(type, environment, seed);
        ApiKeySecret parsed = ApiKeySecret.parse(generated.reveal());

        assertThat(parsed).isEqualTo(generated).hasSameHashCodeAs(generated);
        assertThat(parsed.type()).isEqualTo(type);
        assertThat(parsed.environment()).isEqualTo(environment);
        assertThat(parsed.hash()).isEqualTo(generated.hash());
        assertThat(parsed.prefix()).isEqualTo(generated.reveal().substring(0, 12));
        assertThat(parsed.last4()).isEqualTo(generated.reveal().substring(36));
    }

    @Property
    void generatedChecksumValidates(@ForAll KeyType type, @ForAll Environment environment, @ForAll long seed) {
        String key = generate(type, environment, seed).reveal();

        assertThat(key.substring(34)).isEqualTo(KeyChecksum.of(key.substring(0, 34)));
    }

    @Property
    void sameSeedSameKeyDifferentSeedsDifferentKeys(@ForAll KeyType type, @ForAll Environment environment,
                                                    @ForAll long seed) {
        assertThat(generate(type, environment, seed)).isEqualTo(generate(type, environment, seed));
        assertThat(generate(type, environment, seed)).isNotEqualTo(generate(type, environment, seed + 1));
    }

    @Property
    void toStringNeverRevealsTheKey(@ForAll KeyType type, @ForAll Environment environment, @ForAll long seed) {
        ApiKeySecret secret = generate(type, environment, seed);
        String key = secret.reveal();

        assertThat(secret.toString())
                .isEqualTo(key.substring(0, 12) + "…" + key.substring(36))
                .doesNotContain(key)
                .doesNotContain(key.substring(12, 36));
    }

    @Property
    void anySingleCharacterChangeIsRejected(@ForAll KeyType type, @ForAll Environment environment,
                                            @ForAll long seed,
                                            @ForAll @IntRange(min = 0, max = ApiKeySecret.LENGTH - 1) int position,
                                            @ForAll("replacements") char replacement) {
        String key = generate(type, environment, seed).reveal();
        Assume.that(key.charAt(position) != replacement);
        String changed = key.substring(0, position) + replacement + key.substring(position + 1);

        MalformedKeyException e = catchThrowableOfType(MalformedKeyException.class,
                () -> ApiKeySecret.parse(changed));

        assertThat(e).as("%s must be rejected", changed).isNotNull();
        assertThat(e.violation()).isEqualTo(expectedViolationForChange(changed, position, replacement));
        assertThat(ApiKeySecret.isWellFormed(changed)).isFalse();
    }

    @Property
    void deletingAnyCharacterIsRejected(@ForAll KeyType type, @ForAll Environment environment, @ForAll long seed,
                                        @ForAll @IntRange(min = 0, max = ApiKeySecret.LENGTH - 1) int position) {
        String key = generate(type, environment, seed).reveal();
        String shorter = key.substring(0, position) + key.substring(position + 1);

        MalformedKeyException e = catchThrowableOfType(MalformedKeyException.class,
                () -> ApiKeySecret.parse(shorter));

        assertThat(e).as("%s must be rejected", shorter).isNotNull();
        if (position >= ApiKeySecret.HEAD_LENGTH) {
            assertThat(e.violation()).isEqualTo(FormatViolation.LENGTH);
        }
    }

    @Property
    void insertingAnyCharacterIsRejected(@ForAll KeyType type, @ForAll Environment environment, @ForAll long seed,
                                         @ForAll @IntRange(min = 0, max = ApiKeySecret.LENGTH) int position,
                                         @ForAll("replacements") char inserted) {
        String key = generate(type, environment, seed).reveal();
        String longer = key.substring(0, position) + inserted + key.substring(position);

        MalformedKeyException e = catchThrowableOfType(MalformedKeyException.class,
                () -> ApiKeySecret.parse(longer));

        assertThat(e).as("%s must be rejected", longer).isNotNull();
        if (position >= ApiKeySecret.HEAD_LENGTH) {
            assertThat(e.violation()).isEqualTo(FormatViolation.LENGTH);
        }
    }

    /** Base62 (most of the time, to hit the checksum), separators, whitespace, non-ASCII and any char at all. */
    @Provide
    Arbitrary<Character> replacements() {
        Arbitrary<Character> base62 = Arbitraries.of(Base62.ALPHABET.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> special = Arbitraries.of('_', '-', ' ', '\t', '\n', '\u0000', '.', '+', '/', '=',
                'é', 'ß', 'Ω', 'К', '٣', '０', 'Ａ', 'ａ', '\u00A0', '\u200B', '\uD83D', '\uDE00', '\uFFFF');
        return Arbitraries.frequencyOf(
                Tuple.of(6, base62),
                Tuple.of(2, special),
                Tuple.of(2, Arbitraries.chars().all()));
    }

    /**
     * In the head ({@code sk_live_}) a change is a bad prefix unless it happens to name another valid type
     * ({@code sk_} to {@code pk_}): then the checksum, which covers the head, catches it. In the body a
     * non-base62 character is an alphabet error, a base62 one a checksum error.
     */
    private static FormatViolation expectedViolationForChange(String changed, int position, char replacement) {
        if (position < ApiKeySecret.HEAD_LENGTH) {
            return VALID_HEAD.matcher(changed.substring(0, ApiKeySecret.HEAD_LENGTH)).matches()
                    ? FormatViolation.CHECKSUM : FormatViolation.PREFIX;
        }
        return Base62.isBase62(replacement) ? FormatViolation.CHECKSUM : FormatViolation.ALPHABET;
    }
}
