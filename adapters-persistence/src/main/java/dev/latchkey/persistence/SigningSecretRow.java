package dev.latchkey.persistence;

import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SigningSecret;

import java.time.Instant;

/** A signing key's sealed secret with the end of its use, as {@code signingSecrets} selects it. */
public record SigningSecretRow(byte[] sealedSecret, Instant usableUntil) {

    SigningSecret toPort() {
        return new SigningSecret(new SealedSecret(sealedSecret), usableUntil);
    }
}
