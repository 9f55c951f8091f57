package dev.latchkey.application.port.out;

/**
 * Authenticated encryption of secrets at rest (PRODUCT.md §6: AES-256-GCM under the master key). {@code context}
 * is bound to the sealed bytes (associated data): bytes sealed for one purpose never open for another.
 */
public interface SecretSealer {

    SealedSecret seal(byte[] plaintext, String context);

    /** @throws IllegalStateException when the bytes were not sealed by this master key for this context */
    byte[] open(SealedSecret sealed, String context);
}
