package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ManageApiKeysUseCase;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SecretSealer;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.CallerAccess;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.apikey.KeyScopes;
import dev.latchkey.domain.apikey.KeySpec;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.workspace.PlanLimits;
import dev.latchkey.domain.workspace.Workspace;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

public final class ApiKeyManagementService implements ManageApiKeysUseCase {

    /** The associated data of every sealed signing secret: sealed signing secrets open for nothing else. */
    public static final String SIGNING_CONTEXT = "latchkey:signing-key:v1";

    private final ApiKeyRepository keys;
    private final WorkspaceRepository workspaces;
    private final SecretSealer sealer;
    private final Transactions transactions;
    private final ServedEnvironments served;
    private final Clock clock;
    private final RandomGenerator random;

    public ApiKeyManagementService(ApiKeyRepository keys, WorkspaceRepository workspaces, SecretSealer sealer,
                                   Transactions transactions, ServedEnvironments served, Clock clock,
                                   RandomGenerator random) {
        this.keys = keys;
        this.workspaces = workspaces;
        this.sealer = sealer;
        this.transactions = transactions;
        this.served = served;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public IssuedApiKey create(Caller caller, CreateApiKeyCommand command) {
        CallerAccess.requireWrite(caller, Scope.KEYS_WRITE);
        Instant now = clock.instant();
        PlanLimits limits = limitsOf(caller);
        ValidationException.Collector errors = new ValidationException.Collector();
        Environment environment = environmentFor(caller, command, errors);
        int rateLimit = command.rateLimitPerMinute().orElse(limits.defaultRateLimitPerMinute());
        checkRateLimit(rateLimit, limits, caller, errors);
        errors.check(command.expiresAt() == null || command.expiresAt().isAfter(now), "expiresAt",
                "must be in the future");
        Set<Scope> scopes = scopesFor(command.type(), command.scopes(), errors);
        errors.throwIfAny();
        requireHeld(caller, command.type(), scopes);
        KeySpec spec = new KeySpec(command.name(), command.type(), environment, scopes, rateLimit,
                command.expiresAt(), command.ipAllowlist(), command.signing());
        IssuedApiKey issued = ApiKey.issue(caller.workspaceId(), spec, now, random);
        SealedSecret sealed = sealIfSigning(issued);
        return transactions.inTransaction(() -> {
            keys.add(issued.key(), sealed);
            return issued;
        });
    }

    @Override
    public ApiKey edit(Caller caller, ApiKeyId id, EditApiKeyCommand command) {
        CallerAccess.requireWrite(caller, Scope.KEYS_WRITE);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            ApiKey key = lockedKey(caller, id);
            if (!key.isUsable(now)) {
                throw new DomainException(ErrorCode.CONFLICT,
                        "a " + key.status(now).code() + " key cannot be edited");
            }
            ValidationException.Collector errors = new ValidationException.Collector();
            Set<Scope> scopes = command.scopes().map(requested -> scopesFor(key.type(), requested, errors))
                    .orElse(key.scopes());
            int rateLimit = command.rateLimitPerMinute().orElse(key.rateLimitPerMinute());
            if (command.rateLimitPerMinute().isPresent()) {
                checkRateLimit(rateLimit, limitsOf(caller), caller, errors);
            }
            errors.throwIfAny();
            Set<Scope> added = new HashSet<>(scopes);
            added.removeAll(key.scopes());
            requireHeld(caller, KeyType.RESTRICTED, added);
            List<IpRange> allowlist = command.ipAllowlist().orElse(key.ipAllowlist());
            ApiKey edited = key.edit(command.name().orElse(key.name()), scopes, rateLimit, allowlist);
            if (!keys.update(edited)) {
                throw ApiKeyQueryService.notFound(caller, id);
            }
            return edited;
        });
    }

    @Override
    public KeyRoll roll(Caller caller, ApiKeyId id, Duration grace) {
        CallerAccess.requireWrite(caller, Scope.KEYS_WRITE);
        if (grace.isNegative() || grace.compareTo(ApiKey.MAX_ROLL_GRACE) > 0) {
            throw new ValidationException(List.of(new FieldError("expiresInSeconds",
                    "must be 0.." + ApiKey.MAX_ROLL_GRACE.toSeconds())));
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            ApiKey key = lockedKey(caller, id);
            requireHeld(caller, key.type(), key.scopes()); // the successor holds every scope of the key
            KeyRoll roll = key.roll(grace, now, random);
            keys.add(roll.successor().key(), sealIfSigning(roll.successor()));
            // the database decides: of two concurrent rolls only one retires the key; the other rolls back
            if (!keys.retire(roll.retired())) {
                throw new DomainException(ErrorCode.CONFLICT,
                        "this key was rolled or revoked by another request at the same time");
            }
            return roll;
        });
    }

    @Override
    public ApiKey revoke(Caller caller, ApiKeyId id) {
        CallerAccess.requireWrite(caller, Scope.KEYS_WRITE);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            ApiKey key = lockedKey(caller, id);
            if (key.revokedAt() != null || !keys.revoke(key, now)) {
                // already revoked (perhaps a moment ago by another request): report the stored state
                return ApiKeyQueryService.find(keys, caller, id);
            }
            return key.revoke(now);
        });
    }

    /** The caller's key, locked for the rest of the transaction (a concurrent change waits for this one). */
    private ApiKey lockedKey(Caller caller, ApiKeyId id) {
        return keys.findByIdForUpdate(caller.workspaceId(), caller.environment(), id)
                .orElseThrow(() -> ApiKeyQueryService.notFound(caller, id));
    }

    private PlanLimits limitsOf(Caller caller) {
        Workspace workspace = workspaces.findById(caller.workspaceId())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "workspace not found"));
        return PlanLimits.defaultsFor(workspace.plan());
    }

    private Environment environmentFor(Caller caller, CreateApiKeyCommand command,
                                       ValidationException.Collector errors) {
        Environment requested = command.environment().orElse(caller.environment());
        if (caller instanceof Caller.KeyCaller) {
            errors.check(requested == caller.environment(), "environment",
                    "a key creates keys only in its own environment (" + caller.environment().code() + ")");
            return caller.environment();
        }
        errors.check(served.environments().contains(requested), "environment",
                "this deployment does not serve the " + requested.code() + " environment");
        return requested;
    }

    private static void checkRateLimit(int rateLimit, PlanLimits limits, Caller caller,
                                       ValidationException.Collector errors) {
        int max = limits.maxRateLimitPerMinute();
        errors.check(max == PlanLimits.UNLIMITED || rateLimit <= max, "rateLimit.requestsPerMinute",
                "must be at most " + max + " requests per minute on this workspace's plan");
    }

    private static Set<Scope> scopesFor(KeyType type, Set<Scope> requested, ValidationException.Collector errors) {
        return switch (KeyScopes.forType(type, requested)) {
            case KeyScopes.Decision.Allowed allowed -> allowed.scopes();
            case KeyScopes.Decision.Denied denied -> {
                errors.check(false, "scopes", denied.reason());
                yield Set.of();
            }
        };
    }

    /**
     * A key never grants a scope its creator lacks: a key of {@code type} with {@code granted} scopes may come from a
     * user (ADMIN and OWNER hold every scope), from a secret key (which holds every scope), or from a key holding
     * each granted scope; a secret key (every scope, custom ones included) only from a secret key or a user.
     */
    private static void requireHeld(Caller caller, KeyType type, Set<Scope> granted) {
        if (!(caller instanceof Caller.KeyCaller key) || key.type() == KeyType.SECRET) {
            return;
        }
        if (type == KeyType.SECRET) {
            throw new DomainException(ErrorCode.SCOPE_MISSING, "only a secret key or an admin can issue a secret "
                    + "key, which holds every scope; this " + key.type().code() + " key lacks some of them");
        }
        KeyScopes.firstNotHeld(granted, key.scopes()).ifPresent(missing -> {
            throw new DomainException(ErrorCode.SCOPE_MISSING, "this key cannot grant the scope " + missing
                    + " because it does not hold it");
        });
    }

    private SealedSecret sealIfSigning(IssuedApiKey issued) {
        if (!issued.key().signing()) {
            return null;
        }
        return sealer.seal(issued.secret().reveal().getBytes(StandardCharsets.UTF_8), SIGNING_CONTEXT);
    }
}
