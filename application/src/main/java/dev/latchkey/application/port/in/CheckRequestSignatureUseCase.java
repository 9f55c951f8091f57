package dev.latchkey.application.port.in;

/**
 * Request signing (PRODUCT.md §6). With a signature header: {@code hmac_no_secret} when the caller's workspace and
 * environment have no active signing key, {@code hmac_expired} outside the ±300 s window, {@code hmac_invalid} when
 * no active signing key produced it. Without one: {@code hmac_required} when the calling key signs
 * ({@code signing: true}).
 */
public interface CheckRequestSignatureUseCase {

    /** @param signatureHeader the header's value, or null when absent */
    void check(Caller caller, String signatureHeader, byte[] body);
}
