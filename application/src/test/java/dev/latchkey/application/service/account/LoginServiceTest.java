package dev.latchkey.application.service.account;

import dev.latchkey.application.fake.FakePasswordHasher;
import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.port.in.LoginUseCase.LoginCommand;
import dev.latchkey.application.port.in.LoginUseCase.SignedInUser;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LoginServiceTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final LoginService service = new LoginService(users, workspaces, hasher);

    private User alice;
    private Membership owner;
    private Membership member;

    @BeforeEach
    void seed() {
        alice = User.create(new Email("alice@example.com"), hasher.hash("correct horse"), T0);
        users.add(alice);
        Workspace acme = Workspace.create("Acme", T0);
        Workspace other = Workspace.create("Other", T0);
        workspaces.add(acme);
        workspaces.add(other);
        owner = new Membership(acme.id(), alice.id(), Role.OWNER, T0);
        member = new Membership(other.id(), alice.id(), Role.MEMBER, T0.plusSeconds(60));
        workspaces.addMember(member);
        workspaces.addMember(owner);
    }

    private DomainException failedLogin(String email, String password) {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.login(new LoginCommand(email, password)));
        assertThat(e).as("login(%s) must fail", email).isNotNull();
        return e;
    }

    @Test
    void theRightPasswordSignsInWithTheUsersMemberships() {
        SignedInUser signedIn = service.login(new LoginCommand("alice@example.com", "correct horse"));

        assertThat(signedIn.account()).isEqualTo(dev.latchkey.application.port.in.Account.of(alice));
        assertThat(signedIn.memberships()).containsExactly(owner, member);
    }

    @Test
    void theEmailIsMatchedCaseInsensitively() {
        SignedInUser signedIn = service.login(new LoginCommand("  ALICE@Example.COM ", "correct horse"));

        assertThat(signedIn.account().id()).isEqualTo(alice.id());
    }

    @Test
    void aWrongPasswordIsCredentialsInvalid() {
        DomainException e = failedLogin("alice@example.com", "Correct horse");

        assertThat(e).isNotNull();
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
        assertThat(failedLogin(null, "correct horse").code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
        assertThat(failedLogin("alice@example.com", "").code()).isEqualTo(ErrorCode.CREDENTIALS_INVALID);
    }

    @Test
    void theCommandNeverPrintsThePassword() {
        assertThat(new LoginCommand("alice@example.com", "correct horse").toString()).doesNotContain("correct horse");
    }
}
