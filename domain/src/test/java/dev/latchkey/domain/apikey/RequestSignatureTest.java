package dev.latchkey.domain.apikey;

import dev.latchkey.domain.apikey.RequestSignature.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code X-Latchkey-Signature} (PRODUCT.md §6) against the vectors computed independently of this code base. */
class RequestSignatureTest {

    private static final String SECRET = "sk_test_erIaHeSVR3xSn6cvwfUgnHqyLx4Y3Jae";
    private static final String OTHER = "sk_test_Zz0123456789abcdefABCDEFgh";
    private static final byte[] BODY = "{\"key\":\"pk_test_x\"}".getBytes(StandardCharsets.UTF_8);
    private static final long T = 1_764_000_000L;
    private static final String DIGEST = "75c6217a75f1a2821664c9977432ac2df9b87ca6c6ec1c077a32d0e349fda8ac";
    private static final String TIMED =
            "t=1764000000,sha256=1d1bb47ba0564cb6e5d4116390ea86d96997b655f78aca589dc99d2accbfb8e9";

    static List<TestVectors.Signature> vectors() {
        return TestVectors.signatures().signatures();
    }

    @Test
    void theVectorsCoverBothForms() {
        assertThat(vectors()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(vectors()).anyMatch(v -> v.timestamp() == null).anyMatch(v -> v.timestamp() != null);
        assertThat(vectors()).anyMatch(v -> v.body().isEmpty());
        assertThat(vectors()).anyMatch(v -> v.body().chars().anyMatch(c -> c > 127));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signProducesTheVectorsHeader(TestVectors.Signature vector) {
        assertThat(RequestSignature.sign(vector.secret(), vector.body().getBytes(StandardCharsets.UTF_8),
                vector.timestamp())).isEqualTo(vector.header());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void theVectorsHeaderChecksAsValid(TestVectors.Signature vector) {
        Instant now = vector.timestamp() == null ? Instant.parse("2031-01-01T00:00:00Z")
                : Instant.ofEpochSecond(vector.timestamp() + 3);
        byte[] body = vector.body().getBytes(StandardCharsets.UTF_8);

        RequestSignature signature = RequestSignature.parse(vector.header()).orElseThrow();

        assertThat(signature.check(body, List.of(vector.secret()), now)).isEqualTo(Check.VALID);
        assertThat(signature.check(body, List.of(OTHER), now)).isEqualTo(Check.INVALID);
    }

    @Test
    void theToleranceIsFiveMinutesEitherWay() {
        RequestSignature signature = RequestSignature.parse(TIMED).orElseThrow();
        List<String> secrets = List.of(SECRET);

        assertThat(RequestSignature.TOLERANCE).isEqualTo(Duration.ofSeconds(300));
        assertThat(signature.check(BODY, secrets, Instant.ofEpochSecond(T))).isEqualTo(Check.VALID);
        assertThat(signature.check(BODY, secrets, Instant.ofEpochSecond(T + 300))).isEqualTo(Check.VALID);
        assertThat(signature.check(BODY, secrets, Instant.ofEpochSecond(T - 300))).isEqualTo(Check.VALID);
        assertThat(signature.check(BODY, secrets, Instant.ofEpochSecond(T + 301))).isEqualTo(Check.EXPIRED);
        assertThat(signature.check(BODY, secrets, Instant.ofEpochSecond(T - 301))).isEqualTo(Check.EXPIRED);
        assertThat(signature.check(BODY, secrets, Instant.ofEpochSecond(T + 300, 1))).isEqualTo(Check.EXPIRED);
        assertThat(signature.check(BODY, secrets, Instant.ofEpochSecond(T + 86_400))).isEqualTo(Check.EXPIRED);
        assertThat(signature.check(BODY, secrets, Instant.ofEpochSecond(0))).isEqualTo(Check.EXPIRED);
    }

    @Test
    void anExpiredSignatureIsExpiredWhateverItsDigest() {
        RequestSignature signature = RequestSignature.parse(TIMED).orElseThrow();

        assertThat(signature.check(BODY, List.of(OTHER), Instant.ofEpochSecond(T + 301))).isEqualTo(Check.EXPIRED);
        assertThat(signature.check("x".getBytes(StandardCharsets.UTF_8), List.of(SECRET),
                Instant.ofEpochSecond(T - 301))).isEqualTo(Check.EXPIRED);
    }

    @Test
    void aSignatureWithoutTimestampNeverExpires() {
        RequestSignature signature = RequestSignature.parse("sha256=" + DIGEST).orElseThrow();

        assertThat(signature.check(BODY, List.of(SECRET), Instant.EPOCH)).isEqualTo(Check.VALID);
        assertThat(signature.check(BODY, List.of(SECRET), Instant.parse("2100-01-01T00:00:00Z")))
                .isEqualTo(Check.VALID);
    }

    @Test
    void theTimestampIsPartOfWhatIsSigned() {
        String moved = TIMED.replace("t=1764000000", "t=1764000001");

        assertThat(RequestSignature.parse(moved).orElseThrow().check(BODY, List.of(SECRET),
                Instant.ofEpochSecond(T))).isEqualTo(Check.INVALID);
        // the untimed digest of the same body does not pass as a timed one, nor the other way round
        assertThat(RequestSignature.parse("t=1764000000,sha256=" + DIGEST).orElseThrow().check(BODY,
                List.of(SECRET), Instant.ofEpochSecond(T))).isEqualTo(Check.INVALID);
        assertThat(RequestSignature.parse(TIMED.substring(TIMED.indexOf("sha256="))).orElseThrow().check(BODY,
                List.of(SECRET), Instant.ofEpochSecond(T))).isEqualTo(Check.INVALID);
    }

    @Test
    void aDifferentSecretOrAChangedBodyIsInvalid() {
        RequestSignature plain = RequestSignature.parse("sha256=" + DIGEST).orElseThrow();
        RequestSignature timed = RequestSignature.parse(TIMED).orElseThrow();
        Instant now = Instant.ofEpochSecond(T + 1);

        assertThat(plain.check(BODY, List.of(OTHER), now)).isEqualTo(Check.INVALID);
        assertThat(timed.check(BODY, List.of(OTHER), now)).isEqualTo(Check.INVALID);
        assertThat(plain.check(BODY, List.of(SECRET + " "), now)).isEqualTo(Check.INVALID);
        for (int i = 0; i < BODY.length; i++) {
            byte[] changed = BODY.clone();
            changed[i] ^= 0x01;
            assertThat(plain.check(changed, List.of(SECRET), now)).as("byte %d changed", i).isEqualTo(Check.INVALID);
            assertThat(timed.check(changed, List.of(SECRET), now)).as("byte %d changed", i).isEqualTo(Check.INVALID);
        }
        byte[] longer = (new String(BODY, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
        assertThat(plain.check(longer, List.of(SECRET), now)).isEqualTo(Check.INVALID);
        assertThat(plain.check(new byte[0], List.of(SECRET), now)).isEqualTo(Check.INVALID);
    }

    @Test
    void anyOfSeveralSecretsMayMatch() {
        RequestSignature plain = RequestSignature.parse("sha256=" + DIGEST).orElseThrow();
        RequestSignature timed = RequestSignature.parse(TIMED).orElseThrow();
        Instant now = Instant.ofEpochSecond(T);
        String third = "sk_test_" + "A".repeat(32);

        assertThat(plain.check(BODY, List.of(SECRET, OTHER), now)).isEqualTo(Check.VALID);
        assertThat(plain.check(BODY, List.of(OTHER, SECRET), now)).isEqualTo(Check.VALID);
        assertThat(timed.check(BODY, List.of(OTHER, third, SECRET), now)).isEqualTo(Check.VALID);
        assertThat(plain.check(BODY, List.of(OTHER, third), now)).isEqualTo(Check.INVALID);
        assertThat(plain.check(BODY, List.of(), now)).isEqualTo(Check.INVALID);
    }

    @Test
    void upperCaseHexIsAccepted() {
        assertThat(RequestSignature.parse("sha256=" + DIGEST.toUpperCase()).orElseThrow()
                .check(BODY, List.of(SECRET), Instant.ofEpochSecond(T))).isEqualTo(Check.VALID);
        String timedUpper = "t=1764000000,sha256=" + TIMED.substring(TIMED.indexOf('=', 3) + 1).toUpperCase();
        assertThat(RequestSignature.parse(timedUpper).orElseThrow()
                .check(BODY, List.of(SECRET), Instant.ofEpochSecond(T))).isEqualTo(Check.VALID);
    }

    @Test
    void signWritesLowerCaseHexInTheDocumentedForms() {
        assertThat(RequestSignature.sign(SECRET, BODY, null)).matches("sha256=[0-9a-f]{64}");
        assertThat(RequestSignature.sign(SECRET, BODY, 42L)).matches("t=42,sha256=[0-9a-f]{64}");
        assertThat(RequestSignature.HEADER).isEqualTo("X-Latchkey-Signature");
    }

    @ParameterizedTest(name = "[{0}]")
    @NullAndEmptySource
    @ValueSource(strings = {
            " ",
            DIGEST,
            "sha256:" + DIGEST,
            "sha256 =" + DIGEST,
            "sha256= " + DIGEST,
            "sha256=",
            "sha256=" + "75c6217a75f1a2821664c9977432ac2df9b87ca6c6ec1c077a32d0e349fda8a",
            "sha256=" + DIGEST + "0",
            "sha256=" + DIGEST + DIGEST,
            "sha256=" + "g5c6217a75f1a2821664c9977432ac2df9b87ca6c6ec1c077a32d0e349fda8ac",
            "sha256=" + "75c6217a75f1a2821664c9977432ac2d f9b87ca6c6ec1c077a32d0e349fda8ac",
            "sha256=0x75c6217a75f1a2821664c9977432ac2df9b87ca6c6ec1c077a32d0e349fda8",
            "sha1=" + "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
            "sha1=" + DIGEST,
            "sha512=" + DIGEST,
            "v1=" + DIGEST,
            "t=abc,sha256=" + DIGEST,
            "t=,sha256=" + DIGEST,
            "t=-1764000000,sha256=" + DIGEST,
            "t=1764000000.5,sha256=" + DIGEST,
            "t=1e9,sha256=" + DIGEST,
            "t=1764000000, sha256=" + DIGEST,
            "t=1764000000 ,sha256=" + DIGEST,
            "t = 1764000000,sha256=" + DIGEST,
            "t=1764000000;sha256=" + DIGEST,
            "t=1764000000sha256=" + DIGEST,
            "t=1764000000,sha256=" + DIGEST + ",extra=1",
            "t=1764000000,",
            "t=1764000000",
            "t=1764000000,t=1764000000,sha256=" + DIGEST,
            "t=17640000000000000000,sha256=" + DIGEST,
            "sha256=" + DIGEST + "\nsha256=" + DIGEST
    })
    void malformedHeadersAreRejected(String header) {
        assertThat(RequestSignature.parse(header)).isEmpty();
    }

    @Test
    void toStringNeverShowsTheDigest() {
        assertThat(RequestSignature.parse(TIMED).orElseThrow().toString()).doesNotContain("1d1bb47b")
                .contains("1764000000");
        assertThat(RequestSignature.parse("sha256=" + DIGEST).orElseThrow().toString()).doesNotContain("75c6217a");
    }
}
