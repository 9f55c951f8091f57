package dev.latchkey.app.security;

import dev.latchkey.application.port.out.SealedSecret;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class AesGcmSecretSealerTest {

    private static final String PLAINTEXT = "sk_live_0123456789abcdefSECRETvalue";
    private static final String CONTEXT = "signing-key:4f2a";

    private final SecureRandom random = new SecureRandom();
    private final byte[] masterKey = randomBytes(32);
    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(masterKey, random);

    @Test
    void opensWhatItSealed() {
        SealedSecret sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT);

        assertThat(new String(sealer.open(sealed, CONTEXT), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
        assertThat(sealer.open(sealer.seal(new byte[0], CONTEXT), CONTEXT)).isEmpty();
        byte[] large = randomBytes(100_000);
        assertThat(sealer.open(sealer.seal(large, CONTEXT), CONTEXT)).isEqualTo(large);
    }

    @Test
    void anotherSealerWithTheSameMasterKeyOpensIt() {
        SealedSecret sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT);

        AesGcmSecretSealer afterRestart = new AesGcmSecretSealer(masterKey.clone(), new SecureRandom());
        assertThat(afterRestart.open(sealed, CONTEXT)).isEqualTo(bytes(PLAINTEXT));
    }

    @Test
    void formatIsVersionNonceCiphertextAndTag() {
        byte[] sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT).bytes();

        assertThat(sealed).hasSize(1 + 12 + bytes(PLAINTEXT).length + 16);
        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(PLAINTEXT);
    }

    @Test
    void everySealUsesAFreshNonce() {
        Set<String> nonces = new HashSet<>();
        Set<String> ciphertexts = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            byte[] sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT).bytes();
            nonces.add(HexFormat.of().formatHex(sealed, 1, 13));
            ciphertexts.add(HexFormat.of().formatHex(sealed));
        }
        assertThat(nonces).hasSize(1_000);
        assertThat(ciphertexts).hasSize(1_000);
    }

    @Test
    void doesNotOpenForAnotherContext() {
        SealedSecret sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT);

        assertThatThrownBy(() -> sealer.open(sealed, "idempotency-response:4f2a"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(sealed, CONTEXT + " "))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void doesNotOpenAnyTamperedByte() {
        byte[] sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT).bytes();

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> sealer.open(new SealedSecret(tampered), CONTEXT))
                    .as("byte %d flipped", i)
                    .isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void doesNotOpenTruncatedOrForeignBytes() {
        byte[] sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT).bytes();

        assertThatThrownBy(() -> sealer.open(new SealedSecret(Arrays.copyOf(sealed, sealed.length - 1)), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(new SealedSecret(Arrays.copyOf(sealed, 20)), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(new SealedSecret(new byte[0]), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sealer.open(new SealedSecret(bytes(PLAINTEXT)), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void doesNotOpenUnderAnotherMasterKey() {
        SealedSecret sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT);

        AesGcmSecretSealer other = new AesGcmSecretSealer(randomBytes(32), random);
        assertThatThrownBy(() -> other.open(sealed, CONTEXT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void neitherMessagesNorToStringRevealSecrets() {
        SealedSecret sealed = sealer.seal(bytes(PLAINTEXT), CONTEXT);
        byte[] tampered = sealed.bytes();
        tampered[tampered.length - 1] ^= 0x01;

        Throwable wrongContext = catchThrowable(() -> sealer.open(sealed, "other"));
        Throwable tamperedFailure = catchThrowable(() -> sealer.open(new SealedSecret(tampered), CONTEXT));
        Throwable otherKey = catchThrowable(() -> new AesGcmSecretSealer(randomBytes(32), random).open(sealed, CONTEXT));
        Throwable badKey = catchThrowable(() -> new AesGcmSecretSealer(Arrays.copyOf(masterKey, 16), random));

        for (Throwable failure : new Throwable[] {wrongContext, tamperedFailure, otherKey, badKey}) {
            assertThat(failure).isNotNull();
            assertThat(failure.getCause()).isNull();
            assertNoSecretIn(failure.getMessage());
            assertNoSecretIn(failure.toString());
        }
        assertNoSecretIn(sealer.toString());
        assertNoSecretIn(sealed.toString());
        assertThat(badKey).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void rejectsABadKeyOrContext() {
        assertThatThrownBy(() -> new AesGcmSecretSealer(new byte[16], random))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(bytes(PLAINTEXT), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sealer.seal(bytes(PLAINTEXT), null)).isInstanceOf(NullPointerException.class);
    }

    private void assertNoSecretIn(String text) {
        assertThat(text).doesNotContain(PLAINTEXT)
                .doesNotContain(HexFormat.of().formatHex(bytes(PLAINTEXT)))
                .doesNotContain(Base64.getEncoder().encodeToString(bytes(PLAINTEXT)))
                .doesNotContain(HexFormat.of().formatHex(masterKey))
                .doesNotContain(Base64.getEncoder().encodeToString(masterKey));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
