package dev.latchkey.application.port.in;

/**
 * Turns a presented key into its caller (PRODUCT.md §3). Malformed keys are refused without a lookup
 * ({@code auth_format}); unknown keys are {@code auth_invalid}; revoked and expired keys say so; a key of an
 * environment this deployment does not serve is {@code auth_environment}; a request from outside the key's IP
 * allowlist is {@code ip_not_allowed}. An accepted request takes one token of the key's rate limit and is
 * recorded as a use of the key (last used, usage), without a database write per request.
 */
public interface AuthenticateApiKeyUseCase {

    Authentication authenticate(String presentedKey, String clientAddress);
}
