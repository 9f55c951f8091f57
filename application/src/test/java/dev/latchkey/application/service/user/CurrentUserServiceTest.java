package dev.latchkey.application.service.user;

import dev.latchkey.application.fake.FakePasswordHasher;
import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.CurrentUser;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CurrentUserServiceTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final CurrentUserService service = new CurrentUserService(users, workspaces);
    private final FakePasswordHasher hasher = new FakePasswordHasher();

    private User user(String email) {
        User user = User.create(new Email(email), hasher.hash("pw-" + email), T0);
        users.add(user);
        return user;
    }

    private Workspace workspace(String name) {
        Workspace workspace = Workspace.create(name, T0);
        workspaces.add(workspace);
        return workspace;
    }

    @Test
    void listsEveryMembershipWithItsWorkspaceOldestFirst() {
        User alice = user("alice@example.com");
        User bob = user("bob@example.com");
        Workspace acme = workspace("Acme");
        Workspace side = workspace("Side project");
        Workspace bobs = workspace("Bob's");
        workspaces.addMember(new Membership(side.id(), alice.id(), Role.MEMBER, T0.plusSeconds(600)));
        workspaces.addMember(new Membership(acme.id(), alice.id(), Role.OWNER, T0));
        workspaces.addMember(new Membership(bobs.id(), bob.id(), Role.OWNER, T0));
        Caller.UserCaller caller = new Caller.UserCaller(alice.id(), side.id(), Environment.LIVE, Role.MEMBER);

        CurrentUser me = service.me(caller);

        assertThat(me.account().id()).isEqualTo(alice.id());
        assertThat(me.account().email()).isEqualTo(new Email("alice@example.com"));
        assertThat(me.caller()).isEqualTo(caller);
        assertThat(me.memberships()).containsExactly(
                new WorkspaceMembership(acme, Role.OWNER, T0),
                new WorkspaceMembership(side, Role.MEMBER, T0.plusSeconds(600)));
        assertThat(me.memberships()).extracting(membership -> membership.workspace().name())
                .containsExactly("Acme", "Side project");
    }

    @Test
    void aUserWithoutWorkspacesHasNoMemberships() {
        User loner = user("loner@example.com");
        Workspace somewhere = workspace("Somewhere");

        CurrentUser me = service.me(new Caller.UserCaller(loner.id(), somewhere.id(), Environment.TEST, Role.MEMBER));

        assertThat(me.memberships()).isEmpty();
        assertThat(me.account().email().toString()).contains("loner");
    }

    @Test
    void anUnknownUserIsAnInvalidToken() {
        Workspace acme = workspace("Acme");

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.me(new Caller.UserCaller(UserId.newId(), acme.id(), Environment.TEST, Role.OWNER)));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.TOKEN_INVALID);
    }
}
