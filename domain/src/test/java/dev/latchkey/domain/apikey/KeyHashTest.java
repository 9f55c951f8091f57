package dev.latchkey.domain.apikey;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyHashTest {

    @Test
    void sha256OfAKnownStringInLowerCaseHex() {
        // FIPS 180-2 example
        assertThat(KeyHash.of("abc").hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(KeyHash.of("").hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void hashesUtf8Bytes() {
        // SHA-256 of the UTF-8 bytes c3 a9 ("é")
        assertThat(KeyHash.of("é").hex())
                .isEqualTo("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c");
    }

    @Test
    void onlyA64CharacterHexIsAHash() {
        assertThatThrownBy(() -> new KeyHash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyHash("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new KeyHash("0".repeat(64)).hex()).hasSize(64);
    }
}
