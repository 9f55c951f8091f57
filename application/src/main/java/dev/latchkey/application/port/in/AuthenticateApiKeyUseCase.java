package dev.latchkey.application.port.in;

/**
 * Turns a presented key into its caller (PRODUCT.md §3). Malformed keys are refused without a lookup
 * ({@code auth_format}); unknown keys are {@code auth_invalid}; revoked and expired keys say so; a key of an
 * environment this deployment does not serve is {@code auth_environment}; a request from outside the key's IP
 * allowlist is {@code ip_not_allowed}; a live key of a workspace whose kill switch is on is {@code workspace_locked}.
 * An accepted request takes one token of the key's rate limit and is recorded as a use of the key (last used, usage),
 * without a database write per request.
 */
public interface AuthenticateApiKeyUseCase {

    Authentication authenticate(String presentedKey, String clientAddress);

    /**
     * For {@code POST /v1/keys/verify} only: as {@link #authenticate}, except that a live key of a locked workspace
     * holding {@code keys:verify} is let through, so that the verify API can answer {@code LOCKED} for the
     * workspace's keys (PRODUCT.md §8) instead of refusing its caller.
     */
    Authentication authenticateToVerify(String presentedKey, String clientAddress);
}
