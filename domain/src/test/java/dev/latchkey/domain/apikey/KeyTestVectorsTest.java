package dev.latchkey.domain.apikey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** PRODUCT.md §2 against the vectors computed independently of this code base. */
class KeyTestVectorsTest {

    static List<TestVectors.ValidKey> validKeys() {
        return TestVectors.keys().valid();
    }

    static List<TestVectors.InvalidKey> invalidKeys() {
        return TestVectors.keys().invalid();
    }

    @Test
    void theVectorFilesAreLoadedAndCoverEveryTypeAndEnvironment() {
        assertThat(validKeys()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(validKeys()).extracting(TestVectors.ValidKey::type).contains("pk", "sk", "rk");
        assertThat(validKeys()).extracting(TestVectors.ValidKey::environment).contains("live", "test");
        assertThat(invalidKeys()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validKeys")
    void validKeyParsesWithItsDocumentedParts(TestVectors.ValidKey vector) {
        ApiKeySecret secret = ApiKeySecret.parse(vector.key());

        assertThat(secret.type().code()).isEqualTo(vector.type());
        assertThat(secret.environment().code()).isEqualTo(vector.environment());
        assertThat(secret.checksum()).isEqualTo(vector.checksum());
        assertThat(secret.prefix()).isEqualTo(vector.prefix());
        assertThat(secret.last4()).isEqualTo(vector.last4());
        assertThat(secret.hash().hex()).isEqualTo(vector.sha256());
        assertThat(secret.reveal()).isEqualTo(vector.key());
        assertThat(ApiKeySecret.isWellFormed(vector.key())).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validKeys")
    void checksumOfTheFirst34CharactersIsTheVectorsChecksum(TestVectors.ValidKey vector) {
        assertThat(vector.key()).hasSize(40);
        assertThat(KeyChecksum.of(vector.key().substring(0, 34))).isEqualTo(vector.checksum());
        assertThat(vector.key()).endsWith(vector.checksum());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validKeys")
    void keyHashOfTheVectorIsItsSha256(TestVectors.ValidKey vector) {
        assertThat(KeyHash.of(vector.key())).isEqualTo(new KeyHash(vector.sha256()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidKeys")
    void invalidKeyIsRejectedForItsReason(TestVectors.InvalidKey vector) {
        MalformedKeyException e = catchThrowableOfType(MalformedKeyException.class,
                () -> ApiKeySecret.parse(vector.key()));

        assertThat(e).as("parse(%s) must throw", vector).isNotNull();
        assertThat(e.violation()).isEqualTo(expectedViolation(vector.why()));
        assertThat(e.code().code()).isEqualTo("auth_format");
        assertThat(ApiKeySecret.isWellFormed(vector.key())).isFalse();
    }

    @Test
    void signatureVectorSecretsAreWellFormedKeys() {
        var signatures = TestVectors.signatures().signatures();
        assertThat(signatures).isNotEmpty();
        assertThat(signatures).allSatisfy(signature -> {
            assertThat(ApiKeySecret.isWellFormed(signature.secret())).isTrue();
            assertThat(signature.header()).containsPattern("sha256=[0-9a-f]{64}$");
        });
    }

    @Test
    void nullIsMalformedNotANullPointer() {
        assertThatThrownBy(() -> ApiKeySecret.parse(null)).isInstanceOf(MalformedKeyException.class);
        assertThat(ApiKeySecret.isWellFormed(null)).isFalse();
    }

    /** Maps the vector's "why" to the violation a user would expect to be told about. */
    private static FormatViolation expectedViolation(String why) {
        String reason = why.contains(":") ? why.substring(0, why.indexOf(':')) : why;
        return switch (reason) {
            case "checksum" -> FormatViolation.CHECKSUM;
            case "length", "empty" -> FormatViolation.LENGTH;
            case "prefix", "leading space" -> FormatViolation.PREFIX;
            case "alphabet" -> FormatViolation.ALPHABET;
            default -> throw new AssertionError("no expected violation for a new vector reason: " + why);
        };
    }
}
