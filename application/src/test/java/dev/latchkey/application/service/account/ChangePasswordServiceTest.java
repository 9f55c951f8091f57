package dev.latchkey.application.service.account;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.FakeLoginThrottle;
import dev.latchkey.application.fake.FakePasswordHasher;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ChangePasswordServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final String IP = "203.0.113.40";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    private final FakeLoginThrottle throttle = new FakeLoginThrottle(3, 10, Duration.ofMinutes(15), clock);
    private final ChangePasswordService service = new ChangePasswordService(users, workspaces, hasher, throttle,
            transactions, new AuditTrail(audit, clock), clock);

    private User ada;
    private Workspace first;
    private Workspace second;
    private Caller.UserCaller caller;

    @BeforeEach
    void seed() {
        ada = User.create(new Email("ada@example.com"), hasher.hash("analytical engine"), T0);
        users.add(ada);
        first = Workspace.create("First", T0);
        second = Workspace.create("Second", T0);
        workspaces.add(first);
        workspaces.add(second);
        workspaces.addMember(new Membership(first.id(), ada.id(), Role.OWNER, T0));
        workspaces.addMember(new Membership(second.id(), ada.id(), Role.MEMBER, T0.plusSeconds(1)));
        caller = new Caller.UserCaller(ada.id(), first.id(), Environment.TEST, Role.OWNER, "ada@example.com", IP);
        clock.advance(Duration.ofHours(1));
    }

    private DomainException refused(String current, String next) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.changePassword(caller, new ChangePasswordCommand(current, next)));
        assertThat(e).as("the change must be refused").isNotNull();
        return e;
    }

    @Test
    void theRightCurrentPasswordChangesItAndMovesTheTokenVersionOn() {
        int version = service.changePassword(caller, new ChangePasswordCommand("analytical engine", "difference engine"));

        User stored = users.findById(ada.id()).orElseThrow();
        assertThat(stored.passwordHash()).isEqualTo(new PasswordHash("hashed:difference engine"));
        assertThat(stored.tokenVersion()).isEqualTo(1).isEqualTo(version);
        assertThat(stored.passwordChangedAt()).isEqualTo(clock.instant());
        assertThat(stored.acceptsTokenVersion(0)).as("earlier tokens").isFalse();
    }

    @Test
    void theChangeIsRecordedInEachWorkspaceInItsTransaction() {
        int before = transactions.count();

        service.changePassword(caller, new ChangePasswordCommand("analytical engine", "difference engine"));

        assertThat(transactions.count()).isEqualTo(before + 1);
        assertThat(audit.all()).hasSize(2).allSatisfy(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.PASSWORD_CHANGED);
            assertThat(event.actor()).isEqualTo(caller.actor());
            assertThat(event.target()).isEqualTo(new AuditTarget("user", ada.id().value()));
            assertThat(event.ip()).isEqualTo(IP);
            assertThat(event.environment()).isNull();
            assertThat(event.details()).isEmpty();
            assertThat(event.toString()).doesNotContain("engine");
        }).extracting(AuditEvent::workspaceId).containsExactlyInAnyOrder(first.id(), second.id());
    }

    @Test
    void aWrongCurrentPasswordIsCredentialsInvalidAndChangesNothing() {
        DomainException e = refused("analytical engines", "difference engine");

        assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
        assertThat(e.getMessage()).contains("current password").doesNotContain("analytical");
        assertThat(users.findById(ada.id())).contains(ada);
        assertThat(audit.all()).isEmpty();
        assertThat(hasher.hashCalls()).as("no new hash for a refused change").isEqualTo(1);
    }

    @Test
    void wrongCurrentPasswordsCountAgainstTheAccountsSignInLimit() {
        for (int i = 0; i < 3; i++) {
            assertThat(refused("guess " + i, "difference engine").code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
        }
        int checks = hasher.matchCalls();

        DomainException throttled = refused("analytical engine", "difference engine");

        assertThat(throttled).isInstanceOf(LoginThrottledException.class);
        assertThat(throttled.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(hasher.matchCalls()).as("not checked while throttled").isEqualTo(checks);
        assertThat(throttle.failures("ada@example.com")).isEqualTo(3);
        assertThat(users.findById(ada.id())).contains(ada);
    }

    @Test
    void theRightCurrentPasswordForgetsEarlierFailures() {
        refused("guess 1", "difference engine");
        refused("guess 2", "difference engine");

        service.changePassword(caller, new ChangePasswordCommand("analytical engine", "difference engine"));

        assertThat(throttle.failures("ada@example.com")).isZero();
    }

    @Test
    void theNewPasswordMeetsThePolicyAndNoAttemptIsSpentOnARefusedOne() {
        assertThat(fields(refused("analytical engine", "short"))).containsExactly("newPassword");
        assertThat(messages(refused("analytical engine", "Password123"))).singleElement().asString()
                .contains("most common passwords");
        assertThat(messages(refused("analytical engine", "ADA@example.com"))).singleElement().asString()
                .contains("email address");
        assertThat(messages(refused("analytical engine", "analytical engine"))).singleElement().asString()
                .contains("different from the current password");
        assertThat(fields(refused(null, "difference engine"))).containsExactly("currentPassword");
        assertThat(fields(refused("", null))).containsExactlyInAnyOrder("currentPassword", "newPassword");

        assertThat(throttle.failures("ada@example.com")).isZero();
        assertThat(hasher.matchCalls()).isZero();
        assertThat(users.findById(ada.id())).contains(ada);
    }

    @Test
    void aConcurrentChangeWinsAndTheLaterOneIsAConflict() {
        // another request changed the password after this one read the user
        users.changePassword(ada.withPassword(hasher.hash("changed elsewhere"), clock.instant()));
        ChangePasswordService racing = new ChangePasswordService(new StaleRead(users, ada), workspaces, hasher,
                throttle, transactions, new AuditTrail(audit, clock), clock);

        DomainException e = catchThrowableOfType(DomainException.class, () -> racing.changePassword(caller,
                new ChangePasswordCommand("analytical engine", "difference engine")));

        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(users.findById(ada.id()).orElseThrow().passwordHash())
                .isEqualTo(new PasswordHash("hashed:changed elsewhere"));
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aTokenOfAUserWhoIsGoneIsInvalid() {
        Caller.UserCaller ghost = new Caller.UserCaller(dev.latchkey.domain.user.UserId.newId(), first.id(),
                Environment.TEST, Role.OWNER, "ghost@example.com", IP);

        DomainException e = catchThrowableOfType(DomainException.class, () -> service.changePassword(ghost,
                new ChangePasswordCommand("analytical engine", "difference engine")));

        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void theCommandNeverPrintsEitherPassword() {
        assertThat(new ChangePasswordCommand("analytical engine", "difference engine").toString())
                .doesNotContain("analytical").doesNotContain("difference");
    }

    private static java.util.List<String> fields(DomainException e) {
        assertThat(e).isInstanceOf(ValidationException.class);
        return ((ValidationException) e).errors().stream().map(FieldError::field).toList();
    }

    private static java.util.List<String> messages(DomainException e) {
        assertThat(e).isInstanceOf(ValidationException.class);
        return ((ValidationException) e).errors().stream().map(FieldError::message).toList();
    }

    /** Reads {@code stale} for the user (as a request that read before another change), writes through. */
    private record StaleRead(InMemoryUserRepository delegate, User stale)
            implements dev.latchkey.application.port.out.UserRepository {
        @Override
        public void add(User user) {
            delegate.add(user);
        }

        @Override
        public java.util.Optional<User> findByEmail(Email email) {
            return java.util.Optional.of(stale);
        }

        @Override
        public java.util.Optional<User> findById(dev.latchkey.domain.user.UserId id) {
            return java.util.Optional.of(stale);
        }

        @Override
        public boolean changePassword(User changed) {
            return delegate.changePassword(changed);
        }
    }
}
