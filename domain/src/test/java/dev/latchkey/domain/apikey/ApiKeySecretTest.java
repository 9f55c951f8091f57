package dev.latchkey.domain.apikey;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeySecretTest {

    private static final String KEY = "sk_live_04j0IlD5V6V1Og1b8OWUj9IKdD3aBxZI";

    @Test
    void toStringIsRedactedToPrefixAndLast4() {
        ApiKeySecret secret = ApiKeySecret.parse(KEY);

        assertThat(secret.toString())
                .isEqualTo("sk_live_04j0…BxZI")
                .doesNotContain(KEY)
                .doesNotContain("IlD5V6V1Og1b8OWUj9IKdD3a");
    }

    @Test
    void anIssuedKeyDoesNotPrintTheSecretEither() {
        IssuedApiKey issued = ApiKey.issue(new dev.latchkey.domain.workspace.WorkspaceId("ws_x"), "ci",
                KeyType.SECRET, Environment.LIVE, java.util.Set.of(Scope.KEYS_READ), 60, null,
                java.time.Instant.parse("2025-01-01T00:00:00Z"), new SplittableRandom(7));

        String key = issued.secret().reveal();
        assertThat(issued.toString()).doesNotContain(key).doesNotContain(key.substring(12, 36));
        assertThat(issued.key().toString()).doesNotContain(key.substring(12, 36));
    }

    @Test
    void equalityIsByTheKeyText() {
        assertThat(ApiKeySecret.parse(KEY)).isEqualTo(ApiKeySecret.parse(KEY))
                .hasSameHashCodeAs(ApiKeySecret.parse(KEY))
                .isNotEqualTo(ApiKeySecret.parse("sk_live_vFKZmaFTvESHY9XmldQnLMWdXl2Xx22d"))
                .isNotEqualTo(KEY);
    }

    @Test
    void partsOfAKnownKey() {
        ApiKeySecret secret = ApiKeySecret.parse(KEY);

        assertThat(secret.type()).isEqualTo(KeyType.SECRET);
        assertThat(secret.environment()).isEqualTo(Environment.LIVE);
        assertThat(secret.prefix()).isEqualTo("sk_live_04j0");
        assertThat(secret.last4()).isEqualTo("BxZI");
        assertThat(secret.checksum()).isEqualTo("3aBxZI");
    }

    @Test
    void lengthConstantsMatchTheContract() {
        assertThat(ApiKeySecret.LENGTH).isEqualTo(40);
        assertThat(ApiKeySecret.BODY_LENGTH).isEqualTo(32);
        assertThat(ApiKeySecret.RANDOM_LENGTH).isEqualTo(26);
        assertThat(ApiKeySecret.PREFIX_LENGTH).isEqualTo(12);
        assertThat(KeyChecksum.LENGTH).isEqualTo(6);
    }

    @Test
    void shortGarbageIsALengthOrPrefixViolationNotACrash() {
        assertThatThrownBy(() -> ApiKeySecret.parse("sk_")).isInstanceOf(MalformedKeyException.class)
                .extracting(e -> ((MalformedKeyException) e).violation()).isEqualTo(FormatViolation.LENGTH);
        assertThatThrownBy(() -> ApiKeySecret.parse("Bearer " + KEY)).isInstanceOf(MalformedKeyException.class)
                .extracting(e -> ((MalformedKeyException) e).violation()).isEqualTo(FormatViolation.PREFIX);
        assertThatThrownBy(() -> ApiKeySecret.parse(KEY + "\n")).isInstanceOf(MalformedKeyException.class)
                .extracting(e -> ((MalformedKeyException) e).violation()).isEqualTo(FormatViolation.LENGTH);
    }

    @Test
    void malformedKeyMessageNeverEchoesTheKey() {
        String mistyped = KEY.substring(0, 39) + "X";
        assertThatThrownBy(() -> ApiKeySecret.parse(mistyped))
                .isInstanceOf(MalformedKeyException.class)
                .hasMessageNotContaining(mistyped)
                .hasMessageNotContaining("IlD5V6V1Og1b8OWUj9IKdD3a");
    }

    @Test
    void keyChecksumIsCrc32InBase62() {
        // CRC-32 of the empty input is 0; of "123456789" the standard check value 0xCBF43926 = 3421780262
        assertThat(KeyChecksum.of("")).isEqualTo("000000");
        assertThat(KeyChecksum.of("123456789"))
                .isEqualTo(dev.latchkey.domain.common.Base62.encode(3_421_780_262L, 6))
                .isEqualTo("3jZRME");
    }
}
