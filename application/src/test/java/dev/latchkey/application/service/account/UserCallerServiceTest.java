package dev.latchkey.application.service.account;

import dev.latchkey.application.fake.FakePasswordHasher;
import dev.latchkey.application.fake.FakeRateLimiter;
import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UserCallerServiceTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final FakeRateLimiter rateLimiter = new FakeRateLimiter();
    private final UserCallerService service = service(ServedEnvironments.both());

    private UserCallerService service(ServedEnvironments served) {
        return new UserCallerService(users, workspaces, rateLimiter, served, 3);
    }

    private User alice;
    private User bob;
    private Workspace first;
    private Workspace second;
    private Workspace bobs;

    @BeforeEach
    void seed() {
        FakePasswordHasher hasher = new FakePasswordHasher();
        alice = User.create(new Email("alice@example.com"), hasher.hash("pw-alice-1"), T0);
        bob = User.create(new Email("bob@example.com"), hasher.hash("pw-bob-123"), T0);
        users.add(alice);
        users.add(bob);
        first = Workspace.create("First", T0);
        second = Workspace.create("Second", T0);
        bobs = Workspace.create("Bob's", T0);
        workspaces.add(second);
        workspaces.add(first);
        workspaces.add(bobs);
        // joined "second" later, but stored first: the default must follow joinedAt
        workspaces.addMember(new Membership(second.id(), alice.id(), Role.MEMBER, T0.plusSeconds(3600)));
        workspaces.addMember(new Membership(first.id(), alice.id(), Role.OWNER, T0));
        workspaces.addMember(new Membership(bobs.id(), bob.id(), Role.OWNER, T0));
    }

    @Test
    void theServedEnvironmentsComeTestFirst() {
        assertThat(service.servedEnvironments()).containsExactly(Environment.TEST, Environment.LIVE);
        assertThat(service(ServedEnvironments.parse("live")).servedEnvironments()).containsExactly(Environment.LIVE);
        assertThat(service(ServedEnvironments.parse("test")).servedEnvironments()).containsExactly(Environment.TEST);
    }

    @Test
    void aUserInNoWorkspaceHasNoWorkspaceCallerButStillTheirAccount() {
        User loner = User.create(new Email("loner@example.com"), new FakePasswordHasher().hash("pw-loner-12"), T0);
        users.add(loner);

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.resolve(loner.id(), Optional.empty(), Environment.TEST));
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);

        AccountCaller account = service.account(loner.id(), "203.0.113.9");
        assertThat(account).isEqualTo(new AccountCaller(loner.id(), "loner@example.com", "203.0.113.9"));
        assertThat(account.actor().label()).isEqualTo("loner@example.com");
        DomainException gone = catchThrowableOfType(DomainException.class,
                () -> service.account(dev.latchkey.domain.user.UserId.newId(), null));
        assertThat(gone.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void withoutAWorkspaceTheUsersFirstIsUsed() {
        Caller.UserCaller caller = service.resolve(alice.id(), Optional.empty(), Environment.TEST);

        assertThat(caller.userId()).isEqualTo(alice.id());
        assertThat(caller.workspaceId()).isEqualTo(first.id());
        assertThat(caller.role()).isEqualTo(Role.OWNER);
        assertThat(caller.environment()).isEqualTo(Environment.TEST);
    }

    @Test
    void anExplicitWorkspaceOfTheUserIsUsedWithTheRoleThere() {
        Caller.UserCaller caller = service.resolve(alice.id(), Optional.of(second.id()), Environment.LIVE);

        assertThat(caller.workspaceId()).isEqualTo(second.id());
        assertThat(caller.role()).isEqualTo(Role.MEMBER);
        assertThat(caller.environment()).isEqualTo(Environment.LIVE);
    }

    @Test
    void aWorkspaceTheUserIsNotAMemberOfIsNotFound() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.resolve(alice.id(), Optional.of(bobs.id()), Environment.TEST));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aWorkspaceThatDoesNotExistIsNotFoundAlike() {
        DomainException missing = catchThrowableOfType(DomainException.class,
                () -> service.resolve(alice.id(), Optional.of(WorkspaceId.newId()), Environment.TEST));
        DomainException foreign = catchThrowableOfType(DomainException.class,
                () -> service.resolve(alice.id(), Optional.of(bobs.id()), Environment.TEST));

        assertThat(missing.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(missing.getMessage()).isEqualTo(foreign.getMessage());
    }

    @Test
    void anUnknownUserIsAnInvalidToken() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.resolve(UserId.newId(), Optional.empty(), Environment.TEST));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void anUnknownUserIsAnInvalidTokenEvenWithAWorkspace() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.resolve(UserId.newId(), Optional.of(first.id()), Environment.TEST));

        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
    }

    @Test
    void aUserWithoutWorkspacesHasNoDefault() {
        User loner = User.create(new Email("loner@example.com"), new FakePasswordHasher().hash("pw-loner-1"), T0);
        users.add(loner);

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.resolve(loner.id(), Optional.empty(), Environment.TEST));

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void authenticatingDefaultsToTheTestEnvironment() {
        Authentication authentication = service.authenticate(alice.id(), Optional.empty(), Optional.empty(), null);

        assertThat(authentication.caller().environment()).isEqualTo(Environment.TEST);
        assertThat(authentication.caller().workspaceId()).isEqualTo(first.id());
        assertThat(authentication.caller().credentialId()).isEqualTo(alice.id().value());
    }

    @Test
    void authenticatingDefaultsToLiveWhenOnlyLiveIsServed() {
        Authentication authentication = service(ServedEnvironments.parse("live"))
                .authenticate(alice.id(), Optional.empty(), Optional.empty(), null);

        assertThat(authentication.caller().environment()).isEqualTo(Environment.LIVE);
    }

    @Test
    void theChosenEnvironmentAndWorkspaceAreUsed() {
        Authentication authentication = service.authenticate(alice.id(), Optional.of(second.id()),
                Optional.of(Environment.LIVE), null);

        Caller.UserCaller caller = (Caller.UserCaller) authentication.caller();
        assertThat(caller.environment()).isEqualTo(Environment.LIVE);
        assertThat(caller.workspaceId()).isEqualTo(second.id());
        assertThat(caller.role()).isEqualTo(Role.MEMBER);
    }

    @Test
    void anEnvironmentTheDeploymentDoesNotServeIsRefusedWithoutTakingAToken() {
        UserCallerService testOnly = service(ServedEnvironments.parse("test"));

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> testOnly.authenticate(alice.id(), Optional.empty(), Optional.of(Environment.LIVE), null));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_ENVIRONMENT);
        assertThat(rateLimiter.used(alice.id().value())).isZero();
    }

    @Test
    void eachRequestTakesOneTokenOfTheUsersLimit() {
        Authentication one = service.authenticate(alice.id(), Optional.empty(), Optional.empty(), null);
        service.authenticate(alice.id(), Optional.of(second.id()), Optional.of(Environment.LIVE), null);
        Authentication three = service.authenticate(alice.id(), Optional.empty(), Optional.empty(), null);
        Authentication four = service.authenticate(alice.id(), Optional.empty(), Optional.empty(), null);
        Authentication bobsFirst = service.authenticate(bob.id(), Optional.empty(), Optional.empty(), null);

        assertThat(one.rateLimit().allowed()).isTrue();
        assertThat(one.rateLimit().limit()).isEqualTo(3);
        assertThat(one.rateLimit().remaining()).isEqualTo(2);
        assertThat(three.rateLimit().allowed()).isTrue();
        assertThat(three.rateLimit().remaining()).isZero();
        assertThat(four.rateLimit().allowed()).isFalse();
        assertThat(four.caller().workspaceId()).isEqualTo(first.id());
        assertThat(bobsFirst.rateLimit().allowed()).isTrue();
        assertThat(rateLimiter.used(alice.id().value())).isEqualTo(4);
    }

    @Test
    void anUnknownUserTakesNoToken() {
        UserId ghost = UserId.newId();

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.authenticate(ghost, Optional.empty(), Optional.empty(), null));

        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
        assertThat(rateLimiter.used(ghost.value())).isZero();
    }
}
