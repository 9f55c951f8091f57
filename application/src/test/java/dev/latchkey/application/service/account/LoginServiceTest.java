package dev.latchkey.application.service.account;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.FakeLoginThrottle;
import dev.latchkey.application.fake.FakePasswordHasher;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.application.port.in.LoginUseCase.LoginCommand;
import dev.latchkey.application.port.in.LoginUseCase.SignedInUser;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginServiceTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final String IP = "203.0.113.7";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    private final FakeLoginThrottle throttle = new FakeLoginThrottle(3, 5, Duration.ofMinutes(15), clock);
    private final LoginService service = service(users);

    private LoginService service(UserRepository repository) {
        return new LoginService(repository, workspaces, hasher, throttle, transactions, new AuditTrail(audit, clock));
    }

    private User alice;
    private Workspace acme;
    private Workspace other;
    private Membership owner;
    private Membership member;

    @BeforeEach
    void seed() {
        alice = User.create(new Email("alice@example.com"), hasher.hash("correct horse"), T0);
        users.add(alice);
        acme = Workspace.create("Acme", T0);
        other = Workspace.create("Other", T0);
        workspaces.add(acme);
        workspaces.add(other);
        owner = new Membership(acme.id(), alice.id(), Role.OWNER, T0);
        member = new Membership(other.id(), alice.id(), Role.MEMBER, T0.plusSeconds(60));
        workspaces.addMember(member);
        workspaces.addMember(owner);
    }

    private SignedInUser login(String email, String password) {
        return service.login(new LoginCommand(email, password, IP));
    }

    private DomainException failedLogin(String email, String password) {
        return failedLogin(email, password, IP);
    }

    private DomainException failedLogin(String email, String password, String address) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.login(new LoginCommand(email, password, address)));
        assertThat(e).as("login(%s) must fail", email).isNotNull();
        return e;
    }

    @Test
    void theRightPasswordSignsInWithTheUsersMemberships() {
        SignedInUser signedIn = login("alice@example.com", "correct horse");

        assertThat(signedIn.account()).isEqualTo(dev.latchkey.application.port.in.Account.of(alice));
        assertThat(signedIn.memberships()).containsExactly(owner, member);
        assertThat(signedIn.tokenVersion()).isZero();
    }

    @Test
    void theTokenVersionIsTheUsersCurrentOne() {
        User changed = alice.withPassword(hasher.hash("battery staple"), T0.plusSeconds(5));
        users.changePassword(changed);

        assertThat(login("alice@example.com", "battery staple").tokenVersion()).isEqualTo(1);
    }

    @Test
    void theEmailIsMatchedCaseInsensitively() {
        SignedInUser signedIn = login("  ALICE@Example.COM ", "correct horse");

        assertThat(signedIn.account().id()).isEqualTo(alice.id());
    }

    @Test
    void aWrongPasswordIsCredentialsInvalid() {
        DomainException e = failedLogin("alice@example.com", "Correct horse");

        assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
    }

    @Test
    void anUnknownEmailFailsExactlyLikeAWrongPassword() {
        DomainException wrongPassword = failedLogin("alice@example.com", "wrong password");
        DomainException unknownEmail = failedLogin("bob@example.com", "correct horse");
        DomainException notAnEmail = failedLogin("bob", "correct horse");

        assertThat(unknownEmail.code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
        assertThat(notAnEmail.code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
        assertThat(unknownEmail.getMessage()).isEqualTo(wrongPassword.getMessage());
        assertThat(notAnEmail.getMessage()).isEqualTo(wrongPassword.getMessage());
    }

    @Test
    void anUnknownEmailStillChecksAPasswordSoBothFailuresTakeAsLong() {
        int before = hasher.matchCalls();

        failedLogin("bob@example.com", "correct horse");

        assertThat(hasher.matchCalls()).isEqualTo(before + 1);
    }

    @Test
    void theDecoyPasswordDoesNotSignAnyoneIn() {
        DomainException e = failedLogin("bob@example.com", "decoy password for unknown accounts");

        assertThat(e.code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
    }

    @Test
    void missingFieldsAreCredentialsInvalidNotACrash() {
        assertThat(failedLogin("alice@example.com", null).code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
        assertThat(failedLogin(null, "correct horse", "198.51.100.1").code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
        assertThat(failedLogin("alice@example.com", "", "198.51.100.2").code())
                .isEqualTo(ErrorCode.CREDENTIALS_INVALID);
    }

    @Test
    void theCommandNeverPrintsThePassword() {
        assertThat(new LoginCommand("alice@example.com", "correct horse", IP).toString())
                .doesNotContain("correct horse").contains(IP);
    }

    // ---- audit ------------------------------------------------------------------------------------------------

    @Test
    void aSuccessIsRecordedInEachWorkspaceOfTheUserWithTheClientAddress() {
        login("alice@example.com", "correct horse");

        assertThat(audit.all()).hasSize(2).allSatisfy(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.LOGIN_SUCCEEDED);
            assertThat(event.actor()).isEqualTo(new AuditActor(AuditActor.Type.USER, alice.id().value(),
                    "alice@example.com"));
            assertThat(event.target()).isEqualTo(new AuditTarget("user", alice.id().value()));
            assertThat(event.ip()).isEqualTo(IP);
            assertThat(event.environment()).isNull();
            assertThat(event.occurredAt()).isEqualTo(T0);
        }).extracting(AuditEvent::workspaceId).containsExactlyInAnyOrder(acme.id(), other.id());
    }

    @Test
    void aWrongPasswordOfAKnownAccountIsRecordedInEachWorkspaceThoughTheLoginFails() {
        int transactionsBefore = transactions.count();

        failedLogin("alice@example.com", "not the password");

        assertThat(transactions.count()).as("its own transaction").isEqualTo(transactionsBefore + 1);
        assertThat(audit.all()).hasSize(2).allSatisfy(event -> {
            assertThat(event.action()).isEqualTo(AuditAction.LOGIN_FAILED);
            assertThat(event.actor().id()).isEqualTo(alice.id().value());
            assertThat(event.ip()).isEqualTo(IP);
            assertThat(event.details()).isEqualTo(Map.of("reason", "password_wrong"));
            assertThat(event.details().toString()).doesNotContain("not the password");
        }).extracting(AuditEvent::workspaceId).containsExactlyInAnyOrder(acme.id(), other.id());
    }

    @Test
    void anUnknownEmailRecordsNothing() {
        failedLogin("nobody@example.com", "correct horse");

        assertThat(audit.all()).isEmpty();
    }

    // ---- throttling -------------------------------------------------------------------------------------------

    @Test
    void pastTheAccountsLimitEvenTheRightPasswordIsRefusedWithoutBeingChecked() {
        for (int i = 0; i < 3; i++) {
            assertThat(failedLogin("alice@example.com", "guess " + i).code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
            clock.advance(Duration.ofMinutes(1));
        }
        int checks = hasher.matchCalls();
        int events = audit.all().size();

        DomainException refused = failedLogin("alice@example.com", "correct horse", "198.51.100.9");

        assertThat(refused).isInstanceOf(LoginThrottledException.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        // the first failure leaves the window 15 minutes after it was made, 12 minutes from now
        assertThat(((LoginThrottledException) refused).retryAfterSeconds()).isEqualTo(12 * 60);
        assertThat(((LoginThrottledException) refused).retryAfterMinutes()).isEqualTo(12);
        assertThat(hasher.matchCalls()).as("no password check while throttled").isEqualTo(checks);
        assertThat(audit.all()).as("a refusal costs no write").hasSize(events);
    }

    @Test
    void anUnknownEmailIsThrottledExactlyLikeAKnownOne() {
        for (int i = 0; i < 3; i++) {
            failedLogin("alice@example.com", "guess " + i);
            failedLogin("nobody@example.com", "guess " + i, "198.51.100.1");
        }

        DomainException known = failedLogin("alice@example.com", "guess", "192.0.2.1");
        DomainException unknown = failedLogin("nobody@example.com", "guess", "192.0.2.2");

        assertThat(known).isInstanceOf(LoginThrottledException.class);
        assertThat(unknown).isInstanceOf(LoginThrottledException.class);
        assertThat(unknown.getMessage()).isEqualTo(known.getMessage());
        assertThat(((LoginThrottledException) unknown).retryAfterSeconds())
                .isEqualTo(((LoginThrottledException) known).retryAfterSeconds());
    }

    @Test
    void theAccountIsNamedByItsNormalisedEmail() {
        failedLogin("alice@example.com", "guess 1");
        failedLogin(" ALICE@example.COM", "guess 2");
        failedLogin("Alice@Example.com ", "guess 3");

        assertThat(failedLogin("alice@example.com", "correct horse", "192.0.2.1"))
                .isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void pastTheAddressesLimitEveryAccountIsRefusedFromThere() {
        for (int i = 0; i < 5; i++) {
            failedLogin("user" + i + "@example.com", "guess", IP);
        }

        assertThat(failedLogin("alice@example.com", "correct horse", IP)).isInstanceOf(LoginThrottledException.class);
        assertThat(failedLogin("nobody@example.com", "guess", IP)).isInstanceOf(LoginThrottledException.class);
    }

    @Test
    void anotherAddressIsNotHeldBackByTheFirstOnesFailures() {
        for (int i = 0; i < 5; i++) {
            failedLogin("user" + i + "@example.com", "guess", IP);
        }

        assertThat(service.login(new LoginCommand("alice@example.com", "correct horse", "198.51.100.3")))
                .isNotNull();
    }

    @Test
    void aSuccessForgetsTheAccountsFailures() {
        failedLogin("alice@example.com", "guess 1");
        failedLogin("alice@example.com", "guess 2");

        login("alice@example.com", "correct horse");

        assertThat(throttle.failures("alice@example.com")).isZero();
        failedLogin("alice@example.com", "guess 3");
        failedLogin("alice@example.com", "guess 4");
        assertThat(failedLogin("alice@example.com", "guess 5").code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
    }

    @Test
    void theLimitLiftsWhenTheWindowHasPassed() {
        for (int i = 0; i < 3; i++) {
            failedLogin("alice@example.com", "guess " + i);
        }
        clock.advance(Duration.ofMinutes(15));

        assertThat(login("alice@example.com", "correct horse")).isNotNull();
    }

    @Test
    void withoutAnAddressOnlyTheAccountIsCounted() {
        for (int i = 0; i < 6; i++) {
            catchThrowableOfType(DomainException.class,
                    () -> service.login(new LoginCommand("user" + Math.random() + "@example.com", "guess", null)));
        }

        assertThat(service.login(new LoginCommand("alice@example.com", "correct horse", null))).isNotNull();
    }

    @Test
    void anAttemptTheStoreCouldNotJudgeIsGivenBack() {
        UserRepository down = new UserRepository() {
            @Override
            public void add(User user) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<User> findByEmail(Email email) {
                throw new DomainException(ErrorCode.UNAVAILABLE, "the store is unavailable");
            }

            @Override
            public Optional<User> findById(UserId id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean changePassword(User changed) {
                throw new UnsupportedOperationException();
            }
        };
        LoginService failing = service(down);

        for (int i = 0; i < 5; i++) {
            DomainException e = catchThrowableOfType(DomainException.class,
                    () -> failing.login(new LoginCommand("alice@example.com", "correct horse", IP)));
            assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
        }

        assertThat(throttle.failures("alice@example.com")).isZero();
        assertThat(throttle.addressFailures(IP)).isZero();
    }

    @Test
    void accountNamesAreNormalisedAndBounded() {
        assertThat(LoginService.accountName(" Alice@Example.COM ")).isEqualTo("alice@example.com");
        assertThat(LoginService.accountName(null)).isEmpty();
        assertThat(LoginService.accountName("Not An Email")).isEqualTo("not an email");
        assertThat(LoginService.accountName("x".repeat(10_000))).hasSize(320);
    }
}
