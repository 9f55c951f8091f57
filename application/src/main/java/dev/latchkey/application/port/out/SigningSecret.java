package dev.latchkey.application.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * The sealed secret of a signing key and the end of its use ({@code usableUntil}: the earlier of its expiry and a
 * scheduled revocation; null when neither is set). A copy held for a while (a cache) stays exact by asking
 * {@link #isUsableAt}: signing keys only ever leave the usable set by time, or by a change that is announced.
 */
public record SigningSecret(SealedSecret sealed, Instant usableUntil) {

    public SigningSecret {
        Objects.requireNonNull(sealed, "sealed");
    }

    public boolean isUsableAt(Instant now) {
        return usableUntil == null || usableUntil.isAfter(now);
    }
}
