package dev.latchkey.application.service.apikey;

import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.fake.DelegatingApiKeyRepository;
import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.FakeSecretSealer;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import dev.latchkey.application.port.in.ManageApiKeysUseCase.EditApiKeyCommand;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SigningSecret;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyManagementServiceTest {

    private static final Instant T0 = Instant.parse("2025-04-01T12:00:00Z");
    private static final Scope JOBS_WRITE = new Scope("jobs:write");
    private static final Scope RESOURCES_READ = new Scope("resources:read");

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(transactions);
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final FakeSecretSealer sealer = new FakeSecretSealer();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    private final MutableClock clock = new MutableClock(T0);
    private final SplittableRandom random = new SplittableRandom(11);
    /** On SCALE, so that no plan gate (restricted keys, custom scopes, signing, allowlists) is in the way. */
    private final Workspace acme = workspace("Acme", Plan.SCALE);
    private final Workspace other = workspace("Other", Plan.SCALE);
    /** For the FREE plan's rate limits: 60 by default, at most 600. */
    private final Workspace free = workspace("Free", Plan.FREE);
    private final ApiKeyManagementService service = service(ServedEnvironments.both());

    private Workspace workspace(String name, Plan plan) {
        Workspace created = new Workspace(WorkspaceId.newId(), name, plan, T0.minus(Duration.ofDays(30)));
        workspaces.add(created);
        return created;
    }

    private ApiKeyManagementService service(ServedEnvironments served) {
        return new ApiKeyManagementService(keys, workspaces, sealer, transactions, served, Plans.defaults(),
                new AuditTrail(audit, clock), clock, random);
    }

    private static Caller.UserCaller user(Workspace workspace, Environment environment, Role role) {
        return new Caller.UserCaller(UserId.newId(), workspace.id(), environment, role);
    }

    private Caller.UserCaller owner() {
        return user(acme, Environment.TEST, Role.OWNER);
    }

    private Caller.UserCaller freeOwner() {
        return user(free, Environment.TEST, Role.OWNER);
    }

    private static Caller.KeyCaller keyCaller(Workspace workspace, Environment environment, Scope... scopes) {
        return new Caller.KeyCaller(ApiKeyId.newId(), "rk_" + environment.code() + "_abcd", KeyType.RESTRICTED, workspace.id(), environment,
                Set.of(scopes), 60, false);
    }

    private static CreateApiKeyCommand command(String type, List<String> scopes) {
        return CreateApiKeyCommand.parse("my key", type, null, scopes, null, null, null, null);
    }

    private static List<String> fieldsOf(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    private ValidationException invalid(Runnable action) {
        ValidationException e = catchThrowableOfType(ValidationException.class, action::run);
        assertThat(e).as("must be refused as invalid").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        return e;
    }

    private static DomainException refused(Runnable action) {
        DomainException e = catchThrowableOfType(DomainException.class, action::run);
        assertThat(e).as("must be refused").isNotNull();
        return e;
    }

    private ApiKey stored(ApiKey key) {
        return keys.findById(key.workspaceId(), key.environment(), key.id()).orElseThrow();
    }

    /** A key created by the owner of acme in test. */
    private IssuedApiKey created(String type, List<String> scopes) {
        return service.create(owner(), command(type, scopes));
    }

    private IssuedApiKey createdWith(Caller caller, String name, String type, String environment, List<String> scopes,
                                     Integer rateLimit, Instant expiresAt, List<String> allowlist, Boolean signing) {
        return service.create(caller, CreateApiKeyCommand.parse(name, type, environment, scopes, rateLimit, expiresAt,
                allowlist, signing));
    }

    @Nested
    class PlanGates {

        private final Workspace pro = workspace("Pro", Plan.PRO);

        private Caller.UserCaller proOwner() {
            return user(pro, Environment.TEST, Role.OWNER);
        }

        private DomainException planRequired(Runnable action) {
            DomainException e = refused(action);
            assertThat(e.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
            return e;
        }

        @Test
        void theFreePlanHasNoRestrictedKeysCustomScopesSigningOrAllowlists() {
            assertThat(planRequired(() -> createdWith(freeOwner(), "rk", "rk", null, List.of("keys:read"), null, null,
                    null, null)).getMessage()).isEqualTo("Restricted keys are not available on the free plan. "
                    + "Upgrade to Pro, Scale or Enterprise.");
            assertThat(planRequired(() -> createdWith(freeOwner(), "pk", "pk", null, List.of("resources:read"), null,
                    null, null, null)).getMessage()).startsWith("Custom scopes are not available on the free plan.");
            assertThat(planRequired(() -> createdWith(freeOwner(), "signer", "sk", null, null, null, null, null, true))
                    .getMessage()).startsWith("Request signing is not available on the free plan.");
            assertThat(planRequired(() -> createdWith(freeOwner(), "office", "sk", null, null, null, null,
                    List.of("203.0.113.0/24"), null)).getMessage())
                    .isEqualTo("IP allowlists are not available on the free plan. Upgrade to Scale or Enterprise.");
            assertThat(keys.countUsable(free.id(), Environment.TEST, T0)).as("nothing was created").isZero();
        }

        @Test
        void theFreePlanStillHasSecretAndPublishableKeysWithPlatformScopes() {
            assertThat(createdWith(freeOwner(), "sk", "sk", null, null, null, null, null, null).key().type())
                    .isEqualTo(KeyType.SECRET);
            assertThat(createdWith(freeOwner(), "pk", "pk", null, List.of("keys:read"), null, null, null, null)
                    .key().type()).isEqualTo(KeyType.PUBLISHABLE);
        }

        @Test
        void proHasRestrictedKeysAndSigningButNoAllowlists() {
            createdWith(proOwner(), "rk", "rk", null, List.of("keys:read", "jobs:write"), null, null, null, null);
            createdWith(proOwner(), "signer", "sk", null, null, null, null, null, true);
            assertThat(planRequired(() -> createdWith(proOwner(), "office", "sk", null, null, null, null,
                    List.of("203.0.113.0/24"), null)).getMessage())
                    .isEqualTo("IP allowlists are not available on the pro plan. Upgrade to Scale or Enterprise.");
        }

        @Test
        void anEnvironmentHoldsAtMostThePlansNumberOfUsableKeys() {
            for (int i = 0; i < 10; i++) {
                createdWith(freeOwner(), "k" + i, "sk", null, null, null, null, null, null);
            }
            assertThat(planRequired(() -> createdWith(freeOwner(), "eleventh", "sk", null, null, null, null, null,
                    null)).getMessage()).isEqualTo("The free plan allows 10 active keys per environment. "
                    + "Upgrade to Pro, Scale or Enterprise.");
            // the other environment has its own room, and a revoked key frees its place
            createdWith(user(free, Environment.LIVE, Role.OWNER), "live", "sk", "live", null, null, null, null, null);
            ApiKey first = keys.list(free.id(), Environment.TEST, java.util.Optional.empty(),
                    java.util.Optional.empty(), T0, null, 1).getFirst();
            service.revoke(freeOwner(), first.id());
            createdWith(freeOwner(), "after a revoke", "sk", null, null, null, null, null, null);
        }

        @Test
        void afterADowngradeAKeyKeepsWhatItHasAndMayBeNarrowedButNotWidened() {
            IssuedApiKey restricted = createdWith(proOwner(), "rk", "rk", null, List.of("keys:read", "keys:write"),
                    null, null, null, null);
            workspaces.updatePlan(pro.id(), Plan.FREE);

            ApiKey narrowed = service.edit(proOwner(), restricted.key().id(),
                    EditApiKeyCommand.parse("renamed", List.of("keys:read"), null, null, List.of()));
            assertThat(narrowed.scopes()).containsExactly(Scope.KEYS_READ);
            planRequired(() -> service.edit(proOwner(), restricted.key().id(),
                    EditApiKeyCommand.parse(null, List.of("keys:read", "usage:read"), null, null, List.of())));
            assertThat(service.roll(proOwner(), restricted.key().id(), Duration.ZERO).successor().key().type())
                    .as("rolling stays possible: it is how a leaked key is replaced").isEqualTo(KeyType.RESTRICTED);
        }

        @Test
        void anAllowlistMayBeClearedOnAnyPlanButSetOnlyWhereIncluded() {
            IssuedApiKey fenced = createdWith(owner(), "office", "sk", null, null, null, null,
                    List.of("203.0.113.0/24"), null);
            workspaces.updatePlan(acme.id(), Plan.PRO);

            planRequired(() -> service.edit(owner(), fenced.key().id(),
                    EditApiKeyCommand.parse(null, null, null, List.of("198.51.100.0/24"), List.of())));
            assertThat(service.edit(owner(), fenced.key().id(),
                    EditApiKeyCommand.parse(null, null, null, List.of(), List.of())).ipAllowlist()).isEmpty();
            assertThat(service.edit(owner(), fenced.key().id(),
                    EditApiKeyCommand.parse("renamed only", null, null, null, List.of())).name()).isEqualTo("renamed only");
        }
    }

    @Nested
    class Audit {

        @Test
        void everyChangeIsRecordedWithItsActorAddressAndTargetButNeverTheSecret() {
            Caller.UserCaller owner = new Caller.UserCaller(UserId.newId(), acme.id(), Environment.TEST, Role.OWNER,
                    "owner@example.com", "203.0.113.5");
            IssuedApiKey issued = service.create(owner, command("sk", List.of()));
            service.edit(owner, issued.key().id(), EditApiKeyCommand.parse("renamed", null, 100, null, List.of()));
            KeyRoll roll = service.roll(owner, issued.key().id(), Duration.ofHours(1));
            service.revoke(owner, roll.successor().key().id());

            assertThat(audit.all()).extracting(AuditEvent::action).containsExactly(AuditAction.KEY_CREATED,
                    AuditAction.KEY_EDITED, AuditAction.KEY_ROLLED, AuditAction.KEY_REVOKED);
            assertThat(audit.all()).allSatisfy(event -> {
                assertThat(event.actor()).isEqualTo(new AuditActor(AuditActor.Type.USER, owner.userId().value(),
                        "owner@example.com"));
                assertThat(event.ip()).isEqualTo("203.0.113.5");
                assertThat(event.environment()).isEqualTo(Environment.TEST);
                assertThat(event.workspaceId()).isEqualTo(acme.id());
                assertThat(String.valueOf(event.details())).doesNotContain(issued.secret().reveal())
                        .doesNotContain(roll.successor().secret().reveal());
            });
            assertThat(audit.all().get(1).details()).containsExactlyInAnyOrderEntriesOf(
                    java.util.Map.of("name", "renamed", "rateLimit", "100"));
            assertThat(audit.all().get(2).details()).containsEntry("successorId", roll.successor().key().id().value());
            assertThat(audit.all().get(3).target().id()).isEqualTo(roll.successor().key().id().value());
        }

        @Test
        void aKeyIsNamedByItsIdAndPrefix() {
            Caller.KeyCaller key = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE, Scope.KEYS_READ);
            service.create(key, command("rk", List.of("keys:read")));

            AuditEvent event = audit.all().getFirst();
            assertThat(event.actor()).isEqualTo(new AuditActor(AuditActor.Type.KEY, key.keyId().value(),
                    key.keyPrefix()));
        }

        @Test
        void aRefusedChangeLeavesNoRecord() {
            refused(() -> service.create(freeOwner(), command("rk", List.of("keys:read"))));
            invalid(() -> service.create(owner(), CreateApiKeyCommand.parse("x", "sk", null, null, 0, null, null,
                    null)));

            assertThat(audit.all()).isEmpty();
        }
    }

    @Nested
    class Create {

        @Test
        void aSecretKeyHoldsEveryPlatformScopePlusItsCustomOnes() {
            IssuedApiKey issued = created("sk", List.of("jobs:write"));

            Set<Scope> expected = new LinkedHashSet<>(Scope.PLATFORM);
            expected.add(JOBS_WRITE);
            assertThat(issued.key().type()).isEqualTo(KeyType.SECRET);
            assertThat(issued.key().scopes()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(stored(issued.key()).scopes()).containsExactlyInAnyOrderElementsOf(expected);
        }

        @Test
        void aSecretKeyWithoutScopesStillHoldsEveryPlatformScope() {
            assertThat(created("sk", null).key().scopes()).containsExactlyInAnyOrderElementsOf(Scope.PLATFORM);
        }

        @Test
        void theNewKeyIsStoredByHashAndItsSecretIsShownOnce() {
            IssuedApiKey issued = created("sk", List.of());

            String shown = issued.secret().reveal();
            ApiKeySecret parsed = ApiKeySecret.parse(shown);
            ApiKey key = issued.key();
            assertThat(shown).startsWith("sk_test_");
            assertThat(key.hash()).isEqualTo(KeyHash.of(shown));
            assertThat(key.prefix()).isEqualTo(shown.substring(0, 12));
            assertThat(key.last4()).isEqualTo(shown.substring(shown.length() - 4));
            assertThat(key.workspaceId()).isEqualTo(acme.id());
            assertThat(key.name()).isEqualTo("my key");
            assertThat(key.createdAt()).isEqualTo(T0);
            assertThat(key.status(T0)).isEqualTo(ApiKeyStatus.ACTIVE);
            assertThat(keys.findByHash(parsed.hash())).contains(key);
            assertThat(keys.all()).containsExactly(key);
            assertThat(transactions.count()).isEqualTo(1);
        }

        @Test
        void aRestrictedKeyHoldsExactlyItsScopes() {
            IssuedApiKey issued = created("rk", List.of("keys:read", "jobs:write"));

            assertThat(issued.key().type()).isEqualTo(KeyType.RESTRICTED);
            assertThat(issued.secret().reveal()).startsWith("rk_test_");
            assertThat(issued.key().scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, JOBS_WRITE);
        }

        @Test
        void aRestrictedKeyNeedsAtLeastOneScope() {
            ValidationException e = invalid(() -> created("rk", List.of()));

            assertThat(fieldsOf(e)).containsExactly("scopes");
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void aPublishableKeyHoldsReadScopesOnly() {
            IssuedApiKey issued = created("pk", List.of("keys:read", "resources:read"));

            assertThat(issued.secret().reveal()).startsWith("pk_test_");
            assertThat(issued.key().scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, RESOURCES_READ);
        }

        @ParameterizedTest
        @ValueSource(strings = {"keys:write", "jobs:write", "keys:verify"})
        void aPublishableKeyWithAWriteScopeIsRefusedOnScopes(String scope) {
            ValidationException e = invalid(() -> created("pk", List.of("keys:read", scope)));

            assertThat(fieldsOf(e)).containsExactly("scopes");
            assertThat(e.errors().getFirst().message()).contains(scope);
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void anUnknownScopeOnAPlatformResourceIsRefused() {
            ValidationException e = invalid(() -> created("rk", List.of("keys:delete")));

            assertThat(fieldsOf(e)).containsExactly("scopes");
        }

        @Test
        void aUserCreatesInItsEnvironmentByDefault() {
            IssuedApiKey issued = createdWith(user(acme, Environment.LIVE, Role.ADMIN), "k", "sk", null, null, null,
                    null, null, null);

            assertThat(issued.key().environment()).isEqualTo(Environment.LIVE);
            assertThat(issued.secret().reveal()).startsWith("sk_live_");
        }

        @Test
        void aUserMayChooseTheEnvironment() {
            IssuedApiKey issued = createdWith(owner(), "k", "sk", "live", null, null, null, null, null);

            assertThat(issued.key().environment()).isEqualTo(Environment.LIVE);
            assertThat(keys.findById(acme.id(), Environment.LIVE, issued.key().id())).isPresent();
            assertThat(keys.findById(acme.id(), Environment.TEST, issued.key().id())).isEmpty();
        }

        @Test
        void anEnvironmentTheDeploymentDoesNotServeIsRefused() {
            ApiKeyManagementService testOnly = service(ServedEnvironments.parse("test"));

            ValidationException e = invalid(() -> testOnly.create(owner(),
                    CreateApiKeyCommand.parse("k", "sk", "live", null, null, null, null, null)));

            assertThat(fieldsOf(e)).containsExactly("environment");
            assertThat(keys.all()).isEmpty();
            assertThat(testOnly.create(owner(), command("sk", null)).key().environment()).isEqualTo(Environment.TEST);
        }

        @Test
        void aKeyCreatesOnlyInItsOwnEnvironment() {
            Caller.KeyCaller testKey = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE, Scope.KEYS_READ);

            ValidationException e = invalid(() -> createdWith(testKey, "k", "rk", "live", List.of("keys:read"), null,
                    null, null, null));
            IssuedApiKey implicit = createdWith(testKey, "k", "rk", null, List.of("keys:read"), null, null, null, null);
            IssuedApiKey explicit = createdWith(testKey, "k", "rk", "test", List.of("keys:read"), null, null, null,
                    null);

            assertThat(fieldsOf(e)).containsExactly("environment");
            assertThat(implicit.key().environment()).isEqualTo(Environment.TEST);
            assertThat(explicit.key().environment()).isEqualTo(Environment.TEST);
            assertThat(keys.all()).hasSize(2).allMatch(key -> key.environment() == Environment.TEST);
        }

        @Test
        void theRateLimitDefaultsToThePlansDefault() {
            assertThat(service.create(freeOwner(), command("sk", null)).key().rateLimitPerMinute()).isEqualTo(60);
            assertThat(created("sk", null).key().rateLimitPerMinute()).isEqualTo(6_000);

            Workspace pro = workspace("Pro", Plan.PRO);
            IssuedApiKey proKey = service.create(user(pro, Environment.TEST, Role.OWNER), command("sk", null));
            assertThat(proKey.key().rateLimitPerMinute()).isEqualTo(600);
        }

        @Test
        void theRateLimitMayBeUpToThePlansMaximum() {
            IssuedApiKey max = createdWith(freeOwner(), "k", "sk", null, null, 600, null, null, null);
            IssuedApiKey low = createdWith(freeOwner(), "k", "sk", null, null, 1, null, null, null);

            assertThat(max.key().rateLimitPerMinute()).isEqualTo(600);
            assertThat(low.key().rateLimitPerMinute()).isEqualTo(1);
            assertThat(stored(max.key()).rateLimitPerMinute()).isEqualTo(600);
        }

        @Test
        void aRateLimitAboveThePlansMaximumIsRefused() {
            ValidationException e = invalid(() -> createdWith(freeOwner(), "k", "sk", null, null, 601, null, null,
                    null));
            ValidationException scale = invalid(() -> createdWith(owner(), "k", "sk", null, null, 60_001, null, null,
                    null));

            assertThat(fieldsOf(e)).containsExactly("rateLimit.requestsPerMinute");
            assertThat(e.errors().getFirst().message()).contains("600");
            assertThat(fieldsOf(scale)).containsExactly("rateLimit.requestsPerMinute");
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void anUnlimitedPlanTakesAnyRateLimit() {
            Workspace enterprise = workspace("Big", Plan.ENTERPRISE);

            IssuedApiKey issued = createdWith(user(enterprise, Environment.LIVE, Role.OWNER), "k", "sk", null, null,
                    5_000_000, null, null, null);

            assertThat(issued.key().rateLimitPerMinute()).isEqualTo(5_000_000);
        }

        @Test
        void anExpiryInThePastOrNowIsRefused() {
            ValidationException past = invalid(() -> createdWith(owner(), "k", "sk", null, null, null,
                    T0.minusSeconds(1), null, null));
            ValidationException now = invalid(() -> createdWith(owner(), "k", "sk", null, null, null, T0, null, null));

            assertThat(fieldsOf(past)).containsExactly("expiresAt");
            assertThat(fieldsOf(now)).containsExactly("expiresAt");
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void aFutureExpiryIsKept() {
            Instant expiry = T0.plus(Duration.ofDays(90));

            IssuedApiKey issued = createdWith(owner(), "k", "sk", null, null, null, expiry, null, null);

            assertThat(stored(issued.key()).expiresAt()).isEqualTo(expiry);
            assertThat(issued.key().status(T0)).isEqualTo(ApiKeyStatus.ACTIVE);
        }

        @Test
        void theIpAllowlistIsKept() {
            IssuedApiKey issued = createdWith(owner(), "k", "sk", null, null, null, null,
                    List.of("203.0.113.0/24", "2001:db8::/32"), null);

            assertThat(stored(issued.key()).ipAllowlist())
                    .containsExactly(IpRange.parse("203.0.113.0/24"), IpRange.parse("2001:db8::/32"));
        }

        @Test
        void everyProblemDependingOnTheCallerIsReportedAtOnceAndNothingIsStored() {
            ValidationException e = invalid(() -> createdWith(user(free, Environment.TEST, Role.ADMIN), "k", "pk",
                    null, List.of("keys:write"), 601, T0.minusSeconds(60), null, null));

            assertThat(fieldsOf(e)).containsExactlyInAnyOrder("scopes", "rateLimit.requestsPerMinute", "expiresAt");
            assertThat(keys.all()).isEmpty();
            assertThat(transactions.count()).isZero();
        }

        @Test
        void aMemberMayNotCreateKeys() {
            DomainException e = refused(() -> service.create(user(acme, Environment.TEST, Role.MEMBER),
                    command("sk", null)));

            assertThat(e.code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);
            assertThat(keys.all()).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(value = Role.class, names = {"ADMIN", "OWNER"})
        void adminsAndOwnersMayCreateAnyKey(Role role) {
            IssuedApiKey issued = service.create(user(acme, Environment.TEST, role), command("rk",
                    List.of("jobs:write", "audit:read")));

            assertThat(issued.key().scopes()).containsExactlyInAnyOrder(JOBS_WRITE, Scope.AUDIT_READ);
        }

        @Test
        void aKeyWithoutKeysWriteMayNotCreateKeys() {
            DomainException e = refused(() -> service.create(keyCaller(acme, Environment.TEST, Scope.KEYS_READ),
                    command("rk", List.of("keys:read"))));

            assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
            assertThat(e.getMessage()).contains("keys:write");
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void aRestrictedKeyCannotCreateASecretKeyHoldingScopesItLacks() {
            Caller.KeyCaller creator = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE);

            DomainException e = refused(() -> service.create(creator, command("sk", null)));

            assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
            assertThat(e.getMessage()).contains("secret key");
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void aKeyCannotGrantACustomScopeItLacks() {
            Caller.KeyCaller creator = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE, Scope.KEYS_READ);

            DomainException e = refused(() -> service.create(creator, command("rk", List.of("keys:read",
                    "jobs:write"))));

            assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
            assertThat(e.getMessage()).contains("jobs:write");
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void aKeyMayGrantTheScopesItHolds() {
            Caller.KeyCaller creator = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE, Scope.KEYS_READ, JOBS_WRITE);

            IssuedApiKey issued = service.create(creator, command("rk", List.of("keys:read", "jobs:write")));

            assertThat(issued.key().scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, JOBS_WRITE);
            assertThat(issued.key().workspaceId()).isEqualTo(acme.id());
        }

        @Test
        void aRestrictedKeyHoldingEveryPlatformScopeStillCannotCreateASecretKey() {
            // a secret key also holds every custom scope, which the restricted key does not
            Caller.KeyCaller creator = keyCaller(acme, Environment.LIVE, Scope.PLATFORM.toArray(Scope[]::new));

            DomainException e = refused(() -> service.create(creator, command("sk", null)));

            assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
            assertThat(keys.all()).isEmpty();
        }

        @Test
        void aSecretKeyHoldsEveryScopeSoItMayGrantAnyScope() {
            Caller.KeyCaller creator = new Caller.KeyCaller(ApiKeyId.newId(), "sk_live_abcd", KeyType.SECRET,
                    acme.id(), Environment.LIVE, Set.copyOf(Scope.PLATFORM), 600, false);

            IssuedApiKey secret = service.create(creator, command("sk", null));
            IssuedApiKey custom = service.create(creator, command("rk", List.of("jobs:write")));

            assertThat(secret.key().environment()).isEqualTo(Environment.LIVE);
            assertThat(secret.key().scopes()).containsExactlyInAnyOrderElementsOf(Scope.PLATFORM);
            assertThat(custom.key().scopes()).containsExactly(new Scope("jobs:write"));
        }

        @Test
        void aSigningKeyIsStoredWithItsSecretSealed() {
            IssuedApiKey issued = createdWith(owner(), "signer", "sk", null, null, null, null, null, true);

            String secret = issued.secret().reveal();
            SealedSecret sealed = keys.sealedSecretOf(issued.key().id()).orElseThrow();
            assertThat(issued.key().signing()).isTrue();
            assertThat(new String(sealed.bytes(), StandardCharsets.UTF_8)).doesNotContain(secret);
            assertThat(new String(sealer.open(sealed, ApiKeyManagementService.SIGNING_CONTEXT),
                    StandardCharsets.UTF_8)).isEqualTo(secret);
            assertThat(keys.signingSecrets(acme.id(), Environment.TEST, T0)).containsExactly(
                    new SigningSecret(sealed, issued.key().expiresAt()));
        }

        @Test
        void aNonSigningKeyHasNoSealedSecret() {
            IssuedApiKey issued = created("sk", null);

            assertThat(issued.key().signing()).isFalse();
            assertThat(keys.sealedSecretOf(issued.key().id())).isEmpty();
            assertThat(keys.signingSecrets(acme.id(), Environment.TEST, T0)).isEmpty();
        }

        @Test
        void aKeyOfAWorkspaceThatNoLongerExistsIsNotFound() {
            Caller.UserCaller ghost = new Caller.UserCaller(UserId.newId(), WorkspaceId.newId(), Environment.TEST,
                    Role.OWNER);

            assertThat(refused(() -> service.create(ghost, command("sk", null))).code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(keys.all()).isEmpty();
        }
    }

    @Nested
    class Edit {

        @Test
        void everyEditableFieldChanges() {
            IssuedApiKey issued = created("rk", List.of("keys:read"));

            ApiKey edited = service.edit(owner(), issued.key().id(), EditApiKeyCommand.parse("renamed",
                    List.of("jobs:write", "usage:read"), 300, List.of("192.0.2.0/24"), List.of()));

            assertThat(edited.name()).isEqualTo("renamed");
            assertThat(edited.scopes()).containsExactlyInAnyOrder(JOBS_WRITE, Scope.USAGE_READ);
            assertThat(edited.rateLimitPerMinute()).isEqualTo(300);
            assertThat(edited.ipAllowlist()).containsExactly(IpRange.parse("192.0.2.0/24"));
            assertThat(stored(issued.key())).isEqualTo(edited);
            assertThat(edited.hash()).isEqualTo(issued.key().hash());
            assertThat(edited.id()).isEqualTo(issued.key().id());
        }

        @Test
        void absentFieldsStayAsTheyWere() {
            IssuedApiKey issued = createdWith(owner(), "old", "rk", null, List.of("keys:read"), 42, null,
                    List.of("10.0.0.0/8"), null);

            ApiKey edited = service.edit(owner(), issued.key().id(),
                    EditApiKeyCommand.parse("new", null, null, null, List.of()));

            assertThat(edited.name()).isEqualTo("new");
            assertThat(edited.scopes()).containsExactly(Scope.KEYS_READ);
            assertThat(edited.rateLimitPerMinute()).isEqualTo(42);
            assertThat(edited.ipAllowlist()).containsExactly(IpRange.parse("10.0.0.0/8"));
        }

        @Test
        void anEmptyAllowlistClearsIt() {
            IssuedApiKey issued = createdWith(owner(), "k", "sk", null, null, null, null, List.of("10.0.0.0/8"), null);

            ApiKey edited = service.edit(owner(), issued.key().id(),
                    EditApiKeyCommand.parse(null, null, null, List.of(), List.of()));

            assertThat(edited.ipAllowlist()).isEmpty();
            assertThat(stored(issued.key()).ipAllowlist()).isEmpty();
        }

        @Test
        void aSecretKeyKeepsEveryPlatformScopeWhenItsScopesChange() {
            IssuedApiKey issued = created("sk", List.of("jobs:write"));

            ApiKey edited = service.edit(owner(), issued.key().id(),
                    EditApiKeyCommand.parse(null, List.of("resources:read"), null, null, List.of()));

            Set<Scope> expected = new LinkedHashSet<>(Scope.PLATFORM);
            expected.add(RESOURCES_READ);
            assertThat(edited.scopes()).containsExactlyInAnyOrderElementsOf(expected);
        }

        @Test
        void aPublishableKeyCannotGainAWriteScope() {
            IssuedApiKey issued = created("pk", List.of("keys:read"));

            ValidationException e = invalid(() -> service.edit(owner(), issued.key().id(),
                    EditApiKeyCommand.parse(null, List.of("keys:read", "jobs:write"), null, null, List.of())));

            assertThat(fieldsOf(e)).containsExactly("scopes");
            assertThat(stored(issued.key()).scopes()).containsExactly(Scope.KEYS_READ);
        }

        @Test
        void aRestrictedKeyCannotLoseItsLastScope() {
            IssuedApiKey issued = created("rk", List.of("keys:read"));

            ValidationException e = invalid(() -> service.edit(owner(), issued.key().id(),
                    EditApiKeyCommand.parse(null, List.of(), null, null, List.of())));

            assertThat(fieldsOf(e)).containsExactly("scopes");
        }

        @Test
        void aRateLimitAboveThePlansMaximumIsRefusedAndNothingChanges() {
            IssuedApiKey issued = service.create(freeOwner(), command("sk", null));

            ValidationException e = invalid(() -> service.edit(freeOwner(), issued.key().id(),
                    EditApiKeyCommand.parse("renamed", null, 601, null, List.of())));

            assertThat(fieldsOf(e)).containsExactly("rateLimit.requestsPerMinute");
            assertThat(stored(issued.key())).isEqualTo(issued.key());

            ApiKey atMax = service.edit(freeOwner(), issued.key().id(),
                    EditApiKeyCommand.parse(null, null, 600, null, List.of()));
            assertThat(atMax.name()).isEqualTo("my key");
            assertThat(stored(issued.key()).rateLimitPerMinute()).isEqualTo(600);
        }

        @Test
        void aKeyMayAddOnlyScopesItHolds() {
            IssuedApiKey issued = created("rk", List.of("keys:read"));
            Caller.KeyCaller editor = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE, Scope.KEYS_READ,
                    Scope.USAGE_READ);

            DomainException e = refused(() -> service.edit(editor, issued.key().id(),
                    EditApiKeyCommand.parse(null, List.of("keys:read", "jobs:write"), null, null, List.of())));
            ApiKey edited = service.edit(editor, issued.key().id(),
                    EditApiKeyCommand.parse(null, List.of("keys:read", "usage:read"), null, null, List.of()));

            assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
            assertThat(e.getMessage()).contains("jobs:write");
            assertThat(edited.scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, Scope.USAGE_READ);
        }

        @Test
        void aKeyMayKeepOrRemoveScopesItDoesNotHold() {
            IssuedApiKey issued = created("rk", List.of("jobs:write", "audit:read"));
            Caller.KeyCaller editor = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE);

            ApiKey edited = service.edit(editor, issued.key().id(),
                    EditApiKeyCommand.parse("x", List.of("jobs:write"), null, null, List.of()));

            assertThat(edited.scopes()).containsExactly(JOBS_WRITE);
        }

        @Test
        void aRevokedKeyCannotBeEdited() {
            IssuedApiKey issued = created("sk", null);
            service.revoke(owner(), issued.key().id());

            DomainException e = refused(() -> service.edit(owner(), issued.key().id(),
                    EditApiKeyCommand.parse("renamed", null, null, null, List.of())));

            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(stored(issued.key()).name()).isEqualTo("my key");
        }

        @Test
        void anExpiredKeyCannotBeEdited() {
            IssuedApiKey issued = createdWith(owner(), "k", "sk", null, null, null, T0.plusSeconds(60), null, null);
            clock.advance(Duration.ofMinutes(2));

            DomainException e = refused(() -> service.edit(owner(), issued.key().id(),
                    EditApiKeyCommand.parse("renamed", null, null, null, List.of())));

            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        }

        @Test
        void aKeyOfAnotherWorkspaceOrEnvironmentIsNotFound() {
            IssuedApiKey issued = created("sk", null);
            EditApiKeyCommand rename = EditApiKeyCommand.parse("stolen", null, null, null, List.of());

            DomainException otherWorkspace = refused(() -> service.edit(user(other, Environment.TEST, Role.OWNER),
                    issued.key().id(), rename));
            DomainException otherEnvironment = refused(() -> service.edit(user(acme, Environment.LIVE, Role.OWNER),
                    issued.key().id(), rename));
            DomainException unknown = refused(() -> service.edit(owner(), ApiKeyId.newId(), rename));

            assertThat(otherWorkspace.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(otherEnvironment.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(stored(issued.key()).name()).isEqualTo("my key");
        }

        @Test
        void aMemberMayNotEdit() {
            IssuedApiKey issued = created("sk", null);

            DomainException e = refused(() -> service.edit(user(acme, Environment.TEST, Role.MEMBER),
                    issued.key().id(), EditApiKeyCommand.parse("x", null, null, null, List.of())));

            assertThat(e.code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);
        }
    }

    @Nested
    class Roll {

        @Test
        void aZeroGraceRevokesTheOldKeyAtOnce() {
            IssuedApiKey issued = created("sk", null);
            clock.advance(Duration.ofHours(1));

            KeyRoll roll = service.roll(owner(), issued.key().id(), Duration.ZERO);

            ApiKey old = stored(issued.key());
            assertThat(roll.retired().revokedAt()).isEqualTo(clock.instant());
            assertThat(old.revokedAt()).isEqualTo(clock.instant());
            assertThat(old.status(clock.instant())).isEqualTo(ApiKeyStatus.REVOKED);
            assertThat(old.rolledToId()).isEqualTo(roll.successor().key().id());
            assertThat(stored(roll.successor().key()).status(clock.instant())).isEqualTo(ApiKeyStatus.ACTIVE);
        }

        @Test
        void aGraceLetsTheOldKeyWorkUntilItEnds() {
            IssuedApiKey issued = created("sk", null);

            service.roll(owner(), issued.key().id(), Duration.ofHours(2));

            ApiKey old = stored(issued.key());
            assertThat(old.revokedAt()).isNull();
            assertThat(old.expiresAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
            assertThat(old.status(T0.plus(Duration.ofHours(1)))).isEqualTo(ApiKeyStatus.EXPIRING);
            assertThat(old.status(T0.plus(Duration.ofHours(2)))).isEqualTo(ApiKeyStatus.EXPIRED);
        }

        @Test
        void aGraceShortensAnEarlierExpiry() {
            IssuedApiKey issued = createdWith(owner(), "k", "sk", null, null, null, T0.plus(Duration.ofDays(3)), null,
                    null);

            service.roll(owner(), issued.key().id(), Duration.ofDays(1));

            assertThat(stored(issued.key()).expiresAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        }

        @Test
        void aGraceNeverExtendsTheExpiry() {
            Instant expiry = T0.plus(Duration.ofHours(5));
            IssuedApiKey issued = createdWith(owner(), "k", "sk", null, null, null, expiry, null, null);

            KeyRoll roll = service.roll(owner(), issued.key().id(), Duration.ofDays(7));

            assertThat(roll.retired().expiresAt()).isEqualTo(expiry);
            assertThat(stored(issued.key()).expiresAt()).isEqualTo(expiry);
        }

        @Test
        void theSuccessorKeepsEverySetting() {
            Instant expiry = T0.plus(Duration.ofDays(30));
            IssuedApiKey issued = createdWith(owner(), "billing", "rk", "live", List.of("jobs:write", "keys:read"),
                    77, expiry, List.of("198.51.100.0/24"), null);
            Caller live = user(acme, Environment.LIVE, Role.ADMIN);
            clock.advance(Duration.ofMinutes(5));

            KeyRoll roll = service.roll(live, issued.key().id(), Duration.ofHours(1));

            ApiKey successor = roll.successor().key();
            assertThat(successor.id()).isNotEqualTo(issued.key().id());
            assertThat(successor.hash()).isNotEqualTo(issued.key().hash());
            assertThat(successor.name()).isEqualTo("billing");
            assertThat(successor.type()).isEqualTo(KeyType.RESTRICTED);
            assertThat(successor.environment()).isEqualTo(Environment.LIVE);
            assertThat(successor.workspaceId()).isEqualTo(acme.id());
            assertThat(successor.scopes()).containsExactlyInAnyOrder(JOBS_WRITE, Scope.KEYS_READ);
            assertThat(successor.rateLimitPerMinute()).isEqualTo(77);
            assertThat(successor.ipAllowlist()).containsExactly(IpRange.parse("198.51.100.0/24"));
            assertThat(successor.expiresAt()).isEqualTo(expiry);
            assertThat(successor.createdAt()).isEqualTo(clock.instant());
            assertThat(roll.successor().secret().reveal()).startsWith("rk_live_");
            assertThat(keys.findByHash(roll.successor().secret().hash())).contains(successor);
        }

        @Test
        void aSigningKeysSuccessorSignsWithItsOwnSealedSecret() {
            IssuedApiKey issued = createdWith(owner(), "signer", "sk", null, null, null, null, null, true);

            KeyRoll roll = service.roll(owner(), issued.key().id(), Duration.ofHours(1));

            ApiKey successor = roll.successor().key();
            SealedSecret sealed = keys.sealedSecretOf(successor.id()).orElseThrow();
            assertThat(successor.signing()).isTrue();
            assertThat(new String(sealer.open(sealed, ApiKeyManagementService.SIGNING_CONTEXT), StandardCharsets.UTF_8))
                    .isEqualTo(roll.successor().secret().reveal());
            assertThat(keys.signingSecrets(acme.id(), Environment.TEST, T0)).hasSize(2);
            assertThat(keys.signingSecrets(acme.id(), Environment.TEST, T0.plus(Duration.ofHours(1))))
                    .extracting(SigningSecret::sealed).containsExactly(sealed);
        }

        @Test
        void aKeyRolledOnceCannotBeRolledAgain() {
            IssuedApiKey issued = created("sk", null);
            KeyRoll first = service.roll(owner(), issued.key().id(), Duration.ofHours(1));

            DomainException e = refused(() -> service.roll(owner(), issued.key().id(), Duration.ofHours(1)));

            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(stored(issued.key()).rolledToId()).isEqualTo(first.successor().key().id());
            assertThat(keys.all()).hasSize(2);
        }

        @Test
        void aKeyRolledWithZeroGraceCannotBeRolledAgain() {
            IssuedApiKey issued = created("sk", null);
            service.roll(owner(), issued.key().id(), Duration.ZERO);

            assertThat(refused(() -> service.roll(owner(), issued.key().id(), Duration.ZERO)).code())
                    .isEqualTo(ErrorCode.CONFLICT);
        }

        @Test
        void theSuccessorCanBeRolledInTurn() {
            IssuedApiKey issued = created("sk", null);
            KeyRoll first = service.roll(owner(), issued.key().id(), Duration.ZERO);

            KeyRoll second = service.roll(owner(), first.successor().key().id(), Duration.ZERO);

            assertThat(stored(first.successor().key()).rolledToId()).isEqualTo(second.successor().key().id());
        }

        @Test
        void aRevokedKeyCannotBeRolled() {
            IssuedApiKey issued = created("sk", null);
            service.revoke(owner(), issued.key().id());

            assertThat(refused(() -> service.roll(owner(), issued.key().id(), Duration.ofHours(1))).code())
                    .isEqualTo(ErrorCode.CONFLICT);
            assertThat(keys.all()).hasSize(1);
        }

        @Test
        void whenAnotherRollWinsTheTransactionFailsWithAConflict() {
            IssuedApiKey issued = created("sk", null);
            FailureRecordingTransactions recording = new FailureRecordingTransactions(transactions);
            ApiKeyRepository losing = new RetireLosingRepository(keys);
            ApiKeyManagementService loser = new ApiKeyManagementService(losing, workspaces, sealer, recording,
                    ServedEnvironments.both(), Plans.defaults(), new AuditTrail(audit, clock), clock, random);

            DomainException e = refused(() -> loser.roll(owner(), issued.key().id(), Duration.ofHours(1)));

            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            // the failure leaves through the transaction, so that the database rolls the successor back
            assertThat(recording.failures()).containsExactly(e);
            assertThat(stored(issued.key()).rolledToId()).isNull();
            assertThat(stored(issued.key()).expiresAt()).isNull();
        }

        @Test
        void aKeyHoldingEveryScopeOfAKeyMayRollIt() {
            IssuedApiKey restricted = created("rk", List.of("jobs:write"));
            Caller.KeyCaller roller = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE, JOBS_WRITE);

            KeyRoll roll = service.roll(roller, restricted.key().id(), Duration.ZERO);

            assertThat(roll.successor().key().scopes()).containsExactly(JOBS_WRITE);
        }

        @Test
        void aKeyCannotRollAKeyHoldingScopesItLacks() {
            IssuedApiKey secret = created("sk", List.of("jobs:write"));
            Caller.KeyCaller restricted = keyCaller(acme, Environment.TEST, Scope.KEYS_WRITE);

            DomainException e = refused(() -> service.roll(restricted, secret.key().id(), Duration.ZERO));

            assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
            assertThat(e.getMessage()).contains("secret key");
            assertThat(stored(secret.key()).revokedAt()).isNull();
            assertThat(stored(secret.key()).rolledToId()).isNull();
            assertThat(keys.all()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(longs = {-1, 604_801, 10_000_000})
        void aGraceOutsideZeroToSevenDaysIsRefused(long seconds) {
            IssuedApiKey issued = created("sk", null);

            ValidationException e = invalid(() -> service.roll(owner(), issued.key().id(), Duration.ofSeconds(seconds)));

            assertThat(fieldsOf(e)).containsExactly("expiresInSeconds");
            assertThat(keys.all()).hasSize(1);
            assertThat(stored(issued.key()).rolledToId()).isNull();
        }

        @Test
        void sevenDaysIsTheLongestGrace() {
            IssuedApiKey issued = created("sk", null);

            service.roll(owner(), issued.key().id(), Duration.ofSeconds(604_800));

            assertThat(stored(issued.key()).expiresAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        }

        @Test
        void aKeyOfAnotherWorkspaceIsNotFound() {
            IssuedApiKey issued = created("sk", null);

            DomainException e = refused(() -> service.roll(user(other, Environment.TEST, Role.OWNER),
                    issued.key().id(), Duration.ZERO));

            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(stored(issued.key()).revokedAt()).isNull();
        }

        @Test
        void aKeyWithoutKeysWriteMayNotRoll() {
            IssuedApiKey issued = created("sk", null);

            DomainException e = refused(() -> service.roll(keyCaller(acme, Environment.TEST, Scope.KEYS_READ),
                    issued.key().id(), Duration.ZERO));

            assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
            assertThat(stored(issued.key()).revokedAt()).isNull();
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokingSetsTheRevocationTime() {
            IssuedApiKey issued = created("sk", null);
            clock.advance(Duration.ofMinutes(3));

            ApiKey revoked = service.revoke(owner(), issued.key().id());

            assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
            assertThat(stored(issued.key()).revokedAt()).isEqualTo(clock.instant());
            assertThat(stored(issued.key()).status(clock.instant())).isEqualTo(ApiKeyStatus.REVOKED);
        }

        @Test
        void revokingTwiceKeepsTheFirstRevocationTime() {
            IssuedApiKey issued = created("sk", null);
            Instant first = service.revoke(owner(), issued.key().id()).revokedAt();
            clock.advance(Duration.ofHours(1));

            ApiKey again = service.revoke(owner(), issued.key().id());

            assertThat(again.revokedAt()).isEqualTo(first).isEqualTo(T0);
            assertThat(stored(issued.key()).revokedAt()).isEqualTo(T0);
        }

        @Test
        void aKeyInItsGraceCanBeRevokedAtOnce() {
            IssuedApiKey issued = created("sk", null);
            service.roll(owner(), issued.key().id(), Duration.ofDays(1));
            clock.advance(Duration.ofMinutes(1));

            ApiKey revoked = service.revoke(owner(), issued.key().id());

            assertThat(revoked.revokedAt()).isEqualTo(clock.instant());
            assertThat(stored(issued.key()).status(clock.instant())).isEqualTo(ApiKeyStatus.REVOKED);
        }

        @Test
        void aKeyOfAnotherWorkspaceOrEnvironmentIsNotFound() {
            IssuedApiKey issued = created("sk", null);

            assertThat(refused(() -> service.revoke(user(other, Environment.TEST, Role.OWNER), issued.key().id()))
                    .code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(refused(() -> service.revoke(user(acme, Environment.LIVE, Role.OWNER), issued.key().id()))
                    .code()).isEqualTo(ErrorCode.NOT_FOUND);
            assertThat(stored(issued.key()).revokedAt()).isNull();
        }

        @Test
        void aMemberMayNotRevoke() {
            IssuedApiKey issued = created("sk", null);

            assertThat(refused(() -> service.revoke(user(acme, Environment.TEST, Role.MEMBER), issued.key().id()))
                    .code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);
            assertThat(stored(issued.key()).revokedAt()).isNull();
        }

        @Test
        void aKeyWithKeysWriteMayRevokeEvenItself() {
            IssuedApiKey issued = created("sk", null);
            Caller.KeyCaller self = TestKeys.callerOf(issued.key());

            assertThat(service.revoke(self, issued.key().id()).revokedAt()).isEqualTo(T0);
        }
    }

    /** Delegates to the in-memory store, but loses every retire: another roll or revoke got there first. */
    private static final class RetireLosingRepository extends DelegatingApiKeyRepository {

        RetireLosingRepository(ApiKeyRepository delegate) {
            super(delegate);
        }

        @Override
        public boolean retire(ApiKey retired) {
            return false;
        }
    }

    /** Runs work in the given transactions and notes every failure that leaves a transaction (a rollback). */
    private static final class FailureRecordingTransactions implements Transactions {

        private final Transactions delegate;
        private final List<RuntimeException> failures = new ArrayList<>();

        FailureRecordingTransactions(Transactions delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(Supplier<T> work) {
            try {
                return delegate.inTransaction(work);
            } catch (RuntimeException e) {
                failures.add(e);
                throw e;
            }
        }

        List<RuntimeException> failures() {
            return failures;
        }
    }
}
