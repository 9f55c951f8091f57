package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.RateLimitStatus;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.ValidationException;

import java.util.List;
import java.util.Set;

/**
 * The verify API (PRODUCT.md §8): a service holding a {@code keys:verify} key asks whether a key presented to it is
 * good for some scopes. Every outcome is an answer, not an error. Verifying counts as a use of the verified key
 * (its rate limit, last used and usage).
 */
public interface VerifyApiKeyUseCase {

    Verification verify(Caller.KeyCaller caller, VerifyCommand command);

    /** {@code clientAddress}: optionally, the address the verified key was presented from (for its allowlist). */
    record VerifyCommand(String key, Set<Scope> scopes, String clientAddress) {
        public VerifyCommand {
            scopes = Set.copyOf(scopes);
        }

        @Override
        public String toString() {
            return "VerifyCommand[scopes=" + scopes + "]";
        }

        public static VerifyCommand parse(String key, List<String> scopes, String clientAddress) {
            ValidationException.Collector errors = new ValidationException.Collector();
            errors.check(key != null, "key", "is required");
            errors.check(scopes != null, "scopes", "is required (an empty list checks no scope)");
            Set<Scope> parsed = KeyFields.scopes(scopes, errors);
            errors.check(clientAddress == null || (clientAddress.indexOf('/') < 0 && IpRange.isValid(clientAddress)),
                    "ip", "must be an IPv4 or IPv6 address");
            errors.throwIfAny();
            return new VerifyCommand(key, parsed, clientAddress);
        }
    }

    enum VerifyCode {
        VALID, MALFORMED, NOT_FOUND, REVOKED, EXPIRED, INSUFFICIENT_SCOPE, RATE_LIMITED, LOCKED, IP_NOT_ALLOWED,
        ENVIRONMENT_MISMATCH
    }

    /**
     * The answer: {@code key} is the verified key when it was found in the caller's workspace and environment
     * (null otherwise), {@code rateLimit} its limit when one was taken (null otherwise).
     */
    record Verification(VerifyCode code, ApiKey key, RateLimitStatus rateLimit) {
        public boolean valid() {
            return code == VerifyCode.VALID;
        }
    }
}
