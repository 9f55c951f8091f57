package dev.latchkey.application.service.account;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.FakePasswordHasher;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.RegisterAccountUseCase.RegisterAccountCommand;
import dev.latchkey.application.port.in.RegisterAccountUseCase.Registration;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RegisterAccountServiceTest {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final DirectTransactions transactions = new DirectTransactions();
    private final MutableClock clock = MutableClock.at("2025-03-01T10:00:00Z");
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    private final RegisterAccountService service = new RegisterAccountService(users, workspaces, keys, hasher,
            transactions, Plans.defaults(), new AuditTrail(audit, clock), clock, new SplittableRandom(2025));

    private Registration register(String email, String password, String workspaceName) {
        return service.register(new RegisterAccountCommand(email, password, workspaceName));
    }

    @Test
    void createsTheUserWithAHashedPassword() {
        Registration registration = register("Alice@Example.com", "correct horse", "Acme");

        User user = users.findById(registration.account().id()).orElseThrow();
        assertThat(registration.account().email()).isEqualTo(user.email());
        assertThat(user.email()).isEqualTo(new Email("alice@example.com"));
        assertThat(user.passwordHash().value()).isEqualTo("hashed:correct horse");
        assertThat(user.createdAt()).isEqualTo(clock.instant());
        assertThat(users.findByEmail(new Email("alice@example.com"))).contains(user);
        assertThat(users.all()).containsExactly(user);
    }

    @Test
    void createsAFreeWorkspaceOwnedByTheUser() {
        Registration registration = register("alice@example.com", "correct horse", "  Acme Inc.  ");

        Workspace workspace = registration.workspace();
        assertThat(workspace.name()).isEqualTo("Acme Inc.");
        assertThat(workspace.plan()).isEqualTo(Plan.FREE);
        assertThat(workspaces.findById(workspace.id())).contains(workspace);

        Membership membership = registration.membership();
        assertThat(membership.role()).isEqualTo(Role.OWNER);
        assertThat(membership.userId()).isEqualTo(registration.account().id());
        assertThat(membership.workspaceId()).isEqualTo(workspace.id());
        assertThat(workspaces.membershipsOf(registration.account().id())).containsExactly(membership);
    }

    @Test
    void issuesOneSecretTestKeyWithAllPlatformScopesAndThePlanDefaultRateLimit() {
        Registration registration = register("alice@example.com", "correct horse", "Acme");

        ApiKey key = registration.firstKey().key();
        assertThat(keys.all()).containsExactly(key);
        assertThat(key.workspaceId()).isEqualTo(registration.workspace().id());
        assertThat(key.type()).isEqualTo(KeyType.SECRET);
        assertThat(key.environment()).isEqualTo(Environment.TEST);
        assertThat(key.scopes()).containsExactlyInAnyOrderElementsOf(Scope.PLATFORM);
        assertThat(key.rateLimitPerMinute()).isEqualTo(60);
        assertThat(key.expiresAt()).isNull();
        assertThat(key.revokedAt()).isNull();
        assertThat(key.createdAt()).isEqualTo(clock.instant());
        assertThat(key.status(clock.instant())).isEqualTo(ApiKeyStatus.ACTIVE);
    }

    @Test
    void theShownSecretParsesAndOnlyItsHashIsStored() {
        Registration registration = register("alice@example.com", "correct horse", "Acme");

        String shown = registration.firstKey().secret().reveal();
        ApiKeySecret parsed = ApiKeySecret.parse(shown);
        ApiKey stored = keys.all().getFirst();

        assertThat(shown).startsWith("sk_test_");
        assertThat(parsed.type()).isEqualTo(KeyType.SECRET);
        assertThat(parsed.environment()).isEqualTo(Environment.TEST);
        assertThat(stored.hash()).isEqualTo(parsed.hash());
        assertThat(stored.prefix()).isEqualTo(shown.substring(0, 12));
        assertThat(stored.last4()).isEqualTo(shown.substring(36));
        assertThat(keys.findByHash(parsed.hash())).contains(stored);
    }

    @Test
    void theNewWorkspaceAndItsFirstKeyAreInTheAuditLogNamingTheNewUser() {
        Registration registration = service.register(new RegisterAccountCommand("alice@example.com", "correct horse",
                "Acme", "203.0.113.7"));

        assertThat(audit.all()).extracting(event -> event.action()).containsExactly(AuditAction.WORKSPACE_CREATED,
                AuditAction.KEY_CREATED);
        assertThat(audit.all()).allSatisfy(event -> {
            assertThat(event.workspaceId()).isEqualTo(registration.workspace().id());
            assertThat(event.actor().id()).isEqualTo(registration.account().id().value());
            assertThat(event.actor().label()).isEqualTo("alice@example.com");
            assertThat(event.ip()).isEqualTo("203.0.113.7");
            assertThat(event.details().values()).noneMatch(value -> value.contains(
                    registration.firstKey().secret().reveal()));
        });
        assertThat(audit.all().get(1).target().id()).isEqualTo(registration.firstKey().key().id().value());
    }

    @Test
    void everythingIsWrittenInOneTransaction() {
        List<String> writesOutside = new ArrayList<>();
        RegisterAccountService checked = new RegisterAccountService(
                insideTransactionsOnly(UserRepository.class, users, writesOutside),
                insideTransactionsOnly(WorkspaceRepository.class, workspaces, writesOutside),
                insideTransactionsOnly(ApiKeyRepository.class, keys, writesOutside),
                hasher, transactions, Plans.defaults(),
                new AuditTrail(insideTransactionsOnly(AuditRepository.class, audit, writesOutside), clock), clock,
                new SplittableRandom(7));

        checked.register(new RegisterAccountCommand("alice@example.com", "correct horse", "Acme"));

        assertThat(writesOutside).isEmpty();
        assertThat(transactions.count()).isEqualTo(1);
        assertThat(users.all()).hasSize(1);
        assertThat(keys.all()).hasSize(1);
        assertThat(hasher.hashCalls()).isEqualTo(1);
    }

    /** A port whose {@code add…} methods note when they are called outside a transaction. */
    private <T> T insideTransactionsOnly(Class<T> port, T delegate, List<String> writesOutside) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[]{port}, (proxy, method, args) -> {
            if (method.getName().startsWith("add") && !transactions.active()) {
                writesOutside.add(port.getSimpleName() + "." + method.getName());
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    @Test
    void twoRegistrationsGetDifferentKeysAndWorkspaces() {
        Registration a = register("a@example.com", "password-a", "A");
        Registration b = register("b@example.com", "password-b", "B");

        assertThat(a.workspace().id()).isNotEqualTo(b.workspace().id());
        assertThat(a.firstKey().secret()).isNotEqualTo(b.firstKey().secret());
        assertThat(keys.all()).hasSize(2);
    }

    @Test
    void aTakenEmailIsAConflictAndChangesNothing() {
        register("alice@example.com", "correct horse", "Acme");

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> register("  ALICE@example.com ", "another password", "Other"));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(users.all()).hasSize(1);
        assertThat(workspaces.all()).hasSize(1);
        assertThat(workspaces.allMemberships()).hasSize(1);
        assertThat(keys.all()).hasSize(1);
    }

    @Test
    void anInvalidCommandListsEveryBadField() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> new RegisterAccountCommand("not-an-email", "short", "   "));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("email", "password", "workspaceName");
        assertThat(e.errors()).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void nullFieldsAreValidationErrorsToo() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> new RegisterAccountCommand(null, null, null));

        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("email", "password", "workspaceName");
    }

    @Test
    void onlyTheBadFieldIsListed() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> new RegisterAccountCommand("alice@example.com", "x".repeat(73), "Acme"));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("password");
    }

    @Test
    void theCommandNeverPrintsThePassword() {
        RegisterAccountCommand command = new RegisterAccountCommand("alice@example.com", "hunter2hunter2", "Acme");

        assertThat(command.toString()).doesNotContain("hunter2hunter2").contains("alice@example.com");
    }

    @Test
    void theEmailAsPasswordIsRefusedBeforeAnythingIsHashedOrStored() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> register("Grace@Example.com", "grace@example.com", "Acme"));

        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("password");
            assertThat(error.message()).contains("email address");
        });
        assertThat(users.all()).isEmpty();
        assertThat(workspaces.all()).isEmpty();
        assertThat(hasher.hashCalls()).isZero();
    }

    @Test
    void aCommonPasswordIsAFieldErrorOfTheCommand() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> new RegisterAccountCommand("alice@example.com", "Password123", "Acme"));

        assertThat(e.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("password");
            assertThat(error.message()).contains("most common passwords");
        });
    }
}
