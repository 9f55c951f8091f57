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
import dev.latchkey.application.service.audit.AuditTrail;
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
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.PlanFeature;
import dev.latchkey.domain.workspace.PlanLimits;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Workspace;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

public final class ApiKeyManagementService implements ManageApiKeysUseCase {

    /** The associated data of every sealed signing secret: sealed signing secrets open for nothing else. */
    public static final String SIGNING_CONTEXT = "latchkey:signing-key:v1";

    private final ApiKeyRepository keys;
    private final WorkspaceRepository workspaces;
    private final SecretSealer sealer;
    private final Transactions transactions;
    private final ServedEnvironments served;
    private final Plans plans;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomGenerator random;

    public ApiKeyManagementService(ApiKeyRepository keys, WorkspaceRepository workspaces, SecretSealer sealer,
                                   Transactions transactions, ServedEnvironments served, Plans plans,
                                   AuditTrail audit, Clock clock, RandomGenerator random) {
        this.keys = keys;
        this.workspaces = workspaces;
        this.sealer = sealer;
        this.transactions = transactions;
        this.served = served;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public IssuedApiKey create(Caller caller, CreateApiKeyCommand command) {
        CallerAccess.requireWrite(caller, Scope.KEYS_WRITE);
        Instant now = clock.instant();
        Plan plan = workspaceOf(caller).plan();
        PlanLimits limits = plans.of(plan);
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
        requireFeatures(plan, spec.type() == KeyType.RESTRICTED, scopes, spec.ipAllowlist(), spec.signing());
        IssuedApiKey issued = ApiKey.issue(caller.workspaceId(), spec, now, random);
        SealedSecret sealed = sealIfSigning(issued);
        return transactions.inTransaction(() -> {
            // the workspace's lock makes the count and the insert one step: no two creates both take the last place
            Workspace locked = workspaces.findByIdForUpdate(caller.workspaceId())
                    .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "workspace not found"));
            require(plans.anotherKey(locked.plan(), keys.countUsable(caller.workspaceId(), environment, now)));
            keys.add(issued.key(), sealed);
            audit.record(caller, AuditAction.KEY_CREATED, environment, target(issued.key()), describe(issued.key()));
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
            Plan plan = workspaceOf(caller).plan();
            if (command.rateLimitPerMinute().isPresent()) {
                checkRateLimit(rateLimit, plans.of(plan), caller, errors);
            }
            errors.throwIfAny();
            Set<Scope> added = new HashSet<>(scopes);
            added.removeAll(key.scopes());
            requireHeld(caller, KeyType.RESTRICTED, added);
            List<IpRange> allowlist = command.ipAllowlist().orElse(key.ipAllowlist());
            // after a downgrade a key keeps what it has: narrowing it, renaming it or clearing its allowlist is always
            // allowed; only adding to a gated feature is refused
            requireFeatures(plan, key.type() == KeyType.RESTRICTED && !added.isEmpty(), added,
                    allowlist.equals(key.ipAllowlist()) ? List.of() : allowlist, false);
            ApiKey edited = key.edit(command.name().orElse(key.name()), scopes, rateLimit, allowlist);
            if (!keys.update(edited)) {
                throw ApiKeyQueryService.notFound(caller, id);
            }
            audit.record(caller, AuditAction.KEY_EDITED, key.environment(), target(key), changes(key, edited));
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
            Instant oldKeyEnds = roll.retired().revokedAt() != null ? roll.retired().revokedAt()
                    : roll.retired().expiresAt();
            audit.record(caller, AuditAction.KEY_ROLLED, key.environment(), target(key), Map.of(
                    "successorId", roll.successor().key().id().value(),
                    "successorPrefix", roll.successor().key().prefix(),
                    "oldKeyEnds", String.valueOf(oldKeyEnds)));
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
            audit.record(caller, AuditAction.KEY_REVOKED, key.environment(), target(key), Map.of("prefix", key.prefix()));
            return key.revoke(now);
        });
    }

    /** The caller's key, locked for the rest of the transaction (a concurrent change waits for this one). */
    private ApiKey lockedKey(Caller caller, ApiKeyId id) {
        return keys.findByIdForUpdate(caller.workspaceId(), caller.environment(), id)
                .orElseThrow(() -> ApiKeyQueryService.notFound(caller, id));
    }

    private Workspace workspaceOf(Caller caller) {
        return workspaces.findById(caller.workspaceId())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "workspace not found"));
    }

    /** The plan gates of what a key gains: restricted scopes, custom scopes, an IP allowlist, signing. */
    private void requireFeatures(Plan plan, boolean restricted, Set<Scope> addedScopes, List<IpRange> ipAllowlist,
                                 boolean signing) {
        if (restricted) {
            require(plans.feature(plan, PlanFeature.RESTRICTED_KEYS));
        }
        if (addedScopes.stream().anyMatch(scope -> !Scope.PLATFORM.contains(scope))) {
            require(plans.feature(plan, PlanFeature.CUSTOM_SCOPES));
        }
        if (!ipAllowlist.isEmpty()) {
            require(plans.feature(plan, PlanFeature.IP_ALLOWLISTS));
        }
        if (signing) {
            require(plans.feature(plan, PlanFeature.REQUEST_SIGNING));
        }
    }

    private static void require(Plans.Gate gate) {
        if (!gate.allowed()) {
            throw new DomainException(ErrorCode.PLAN_REQUIRED, gate.message());
        }
    }

    private static AuditTarget target(ApiKey key) {
        return new AuditTarget("key", key.id().value());
    }

    /** What the audit log says about a new key: its public facts, never its secret. */
    private static Map<String, String> describe(ApiKey key) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("name", abbreviate(key.name()));
        details.put("type", key.type().code());
        details.put("prefix", key.prefix());
        details.put("scopes", abbreviate(scopesText(key.scopes())));
        details.put("rateLimit", String.valueOf(key.rateLimitPerMinute()));
        if (key.expiresAt() != null) {
            details.put("expiresAt", key.expiresAt().toString());
        }
        if (!key.ipAllowlist().isEmpty()) {
            details.put("ipAllowlist", abbreviate(key.ipAllowlist().stream().map(IpRange::toString)
                    .collect(Collectors.joining(" "))));
        }
        if (key.signing()) {
            details.put("signing", "true");
        }
        return details;
    }

    /** The fields an edit changed, with their new values. */
    private static Map<String, String> changes(ApiKey before, ApiKey after) {
        Map<String, String> details = new LinkedHashMap<>();
        if (!before.name().equals(after.name())) {
            details.put("name", abbreviate(after.name()));
        }
        if (!before.scopes().equals(after.scopes())) {
            details.put("scopes", abbreviate(scopesText(after.scopes())));
        }
        if (before.rateLimitPerMinute() != after.rateLimitPerMinute()) {
            details.put("rateLimit", String.valueOf(after.rateLimitPerMinute()));
        }
        if (!before.ipAllowlist().equals(after.ipAllowlist())) {
            details.put("ipAllowlist", abbreviate(after.ipAllowlist().stream().map(IpRange::toString)
                    .collect(Collectors.joining(" "))));
        }
        return details;
    }

    private static String scopesText(Set<Scope> scopes) {
        return scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
    }

    private static String abbreviate(String text) {
        return text.length() <= AuditEvent.MAX_DETAIL_LENGTH ? text
                : text.substring(0, AuditEvent.MAX_DETAIL_LENGTH - 1) + "…";
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
