package dev.latchkey.application.port.in;

/**
 * Turns a presented key into its caller. Malformed keys are refused without a lookup
 * ({@code auth_format}); unknown keys are {@code auth_invalid}; revoked and expired keys say so.
 */
public interface AuthenticateApiKeyUseCase {

    Caller.KeyCaller authenticate(String presentedKey);
}
