package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.ValidationException;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Changing the keys of the caller's workspace and environment (PRODUCT.md §5): create, edit, roll and revoke.
 * Each needs {@code keys:write} (a key) or ADMIN/OWNER (a user); a key of another workspace or environment is
 * {@code not_found}; a key never grants a scope its creator lacks.
 */
public interface ManageApiKeysUseCase {

    /** Issues a key; its secret is in the result, to be shown once. */
    IssuedApiKey create(Caller caller, CreateApiKeyCommand command);

    ApiKey edit(Caller caller, ApiKeyId id, EditApiKeyCommand command);

    /** Rolls a key: exactly one of two concurrent rolls of one key succeeds; the other is {@code conflict}. */
    KeyRoll roll(Caller caller, ApiKeyId id, Duration grace);

    /** Revokes a key; revoking a revoked key changes nothing. */
    ApiKey revoke(Caller caller, ApiKeyId id);

    /**
     * A new key's fields, checked on their own; those that depend on the caller (environment, scopes held, plan
     * limits, expiry in the future) are checked by the service. Absent optional fields are empty/null.
     */
    /** Later expiry dates are refused: they are beyond every RFC 3339 year and every database's calendar. */
    Instant LATEST_EXPIRY = Instant.parse("9999-01-01T00:00:00Z");

    record CreateApiKeyCommand(String name, KeyType type, Optional<Environment> environment, Set<Scope> scopes,
                               Optional<Integer> rateLimitPerMinute, Instant expiresAt, List<IpRange> ipAllowlist,
                               boolean signing) {

        public CreateApiKeyCommand {
            scopes = Set.copyOf(scopes);
            ipAllowlist = List.copyOf(ipAllowlist);
        }

        /** From the request's raw fields, every invalid field reported at once. */
        public static CreateApiKeyCommand parse(String name, String type, String environment, List<String> scopes,
                                                Integer rateLimitPerMinute, Instant expiresAt,
                                                List<String> ipAllowlist, Boolean signing) {
            ValidationException.Collector errors = new ValidationException.Collector();
            String parsedName = KeyFields.name(name, errors);
            Optional<KeyType> parsedType = type == null ? Optional.empty()
                    : KeyType.fromCode(type.strip().toLowerCase(Locale.ROOT));
            errors.check(parsedType.isPresent(), "type", "must be pk, sk or rk");
            Optional<Environment> parsedEnvironment = environment == null ? Optional.empty()
                    : Environment.fromCode(environment.strip().toLowerCase(Locale.ROOT));
            errors.check(environment == null || parsedEnvironment.isPresent(), "environment", "must be live or test");
            Set<Scope> parsedScopes = KeyFields.scopes(scopes, errors);
            KeyFields.rateLimit(rateLimitPerMinute, errors);
            List<IpRange> parsedRanges = KeyFields.ipAllowlist(ipAllowlist, errors);
            errors.check(expiresAt == null || expiresAt.isBefore(LATEST_EXPIRY), "expiresAt",
                    "must be before " + LATEST_EXPIRY);
            boolean wantsSigning = Boolean.TRUE.equals(signing);
            errors.check(!wantsSigning || parsedType.isEmpty() || parsedType.get() == KeyType.SECRET, "signing",
                    "only secret (sk) keys can sign requests");
            errors.throwIfAny();
            return new CreateApiKeyCommand(parsedName, parsedType.orElseThrow(), parsedEnvironment, parsedScopes,
                    Optional.ofNullable(rateLimitPerMinute),
                    // milliseconds, like every stored time: what is returned is what was stored
                    expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MILLIS), parsedRanges, wantsSigning);
        }
    }

    /** PATCH: only the fields present change. */
    record EditApiKeyCommand(Optional<String> name, Optional<Set<Scope>> scopes, Optional<Integer> rateLimitPerMinute,
                             Optional<List<IpRange>> ipAllowlist) {

        /**
         * From the request's raw fields (null: absent). {@code immutableFields} names fields the request tried to
         * change that never change (type, environment, ...): each is reported.
         */
        public static EditApiKeyCommand parse(String name, List<String> scopes, Integer rateLimitPerMinute,
                                              List<String> ipAllowlist, List<String> immutableFields) {
            ValidationException.Collector errors = new ValidationException.Collector();
            for (String field : immutableFields) {
                errors.check(false, field, "cannot be changed; create a new key instead");
            }
            Optional<String> parsedName = Optional.ofNullable(name).map(value -> KeyFields.name(value, errors));
            Optional<Set<Scope>> parsedScopes = Optional.ofNullable(scopes).map(value -> KeyFields.scopes(value, errors));
            KeyFields.rateLimit(rateLimitPerMinute, errors);
            Optional<List<IpRange>> parsedRanges = Optional.ofNullable(ipAllowlist)
                    .map(value -> KeyFields.ipAllowlist(value, errors));
            errors.throwIfAny();
            return new EditApiKeyCommand(parsedName, parsedScopes, Optional.ofNullable(rateLimitPerMinute),
                    parsedRanges);
        }
    }
}
