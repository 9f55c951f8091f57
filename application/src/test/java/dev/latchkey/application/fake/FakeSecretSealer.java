package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SecretSealer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Not encryption: reverses the bytes and binds the context, so that tests can tell a sealed value from the plain
 * one and a wrong context fails like the real sealer does.
 */
public final class FakeSecretSealer implements SecretSealer {

    @Override
    public SealedSecret seal(byte[] plaintext, String context) {
        byte[] prefix = (context + "|").getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(prefix, prefix.length + plaintext.length);
        for (int i = 0; i < plaintext.length; i++) {
            sealed[prefix.length + i] = plaintext[plaintext.length - 1 - i];
        }
        return new SealedSecret(sealed);
    }

    @Override
    public byte[] open(SealedSecret sealed, String context) {
        byte[] bytes = sealed.bytes();
        byte[] prefix = (context + "|").getBytes(StandardCharsets.UTF_8);
        if (bytes.length < prefix.length || !Arrays.equals(Arrays.copyOf(bytes, prefix.length), prefix)) {
            throw new IllegalStateException("sealed for another context");
        }
        byte[] plain = new byte[bytes.length - prefix.length];
        for (int i = 0; i < plain.length; i++) {
            plain[i] = bytes[bytes.length - 1 - i];
        }
        return plain;
    }
}
