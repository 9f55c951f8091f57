package dev.latchkey.application.service.member;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryInvitationRepository;
import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.fake.RecordingMailPort;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.assertj.core.api.ThrowableAssert;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A workspace with members, on the in-memory fakes, for the member and invitation services. */
final class TenancyFixture {

    static final Instant T0 = Instant.parse("2026-12-01T11:00:00Z");

    final DirectTransactions transactions = new DirectTransactions();
    final InMemoryUserRepository users = new InMemoryUserRepository();
    final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(users);
    final InMemoryInvitationRepository invitations = new InMemoryInvitationRepository();
    final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    final RecordingMailPort mail = new RecordingMailPort();
    final MutableClock clock = new MutableClock(T0);
    final AuditTrail trail = new AuditTrail(audit, clock);
    private int joined;

    Workspace workspace(Plan plan) {
        Workspace workspace = new Workspace(WorkspaceId.newId(), "Acme", plan, T0.minusSeconds(3600));
        workspaces.add(workspace);
        return workspace;
    }

    User user(String name) {
        User user = User.create(new Email(name + "-" + UUID.randomUUID() + "@example.com"), new PasswordHash("x"), T0);
        users.add(user);
        return user;
    }

    /** A new user who is a member of {@code workspace} with {@code role}, as a caller acting there. */
    Caller.UserCaller member(Workspace workspace, Role role) {
        User user = user(role.name().toLowerCase(java.util.Locale.ROOT));
        workspaces.addMember(new Membership(workspace.id(), user.id(), role, T0.plusSeconds(joined++)));
        return caller(user, workspace, role);
    }

    static Caller.UserCaller caller(User user, Workspace workspace, Role role) {
        return new Caller.UserCaller(user.id(), workspace.id(), Environment.TEST, role, user.email().value(),
                "203.0.113.7");
    }

    Role roleOf(Workspace workspace, Caller.UserCaller member) {
        return workspaces.findMembership(workspace.id(), member.userId()).map(Membership::role).orElse(null);
    }

    /** Asserts the refusal's code and that it changed nothing: no audit event, memberships and invitations as before. */
    DomainException refused(ErrorCode code, ThrowableAssert.ThrowingCallable action) {
        var memberships = workspaces.allMemberships();
        var invited = invitations.all();
        int events = audit.all().size();
        int mails = mail.sent().size();
        DomainException e = catchThrowableOfType(DomainException.class, action);
        assertThat(e).as("refused with " + code).isNotNull();
        assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
        assertThat(workspaces.allMemberships()).containsExactlyInAnyOrderElementsOf(memberships);
        assertThat(invitations.all()).containsExactlyInAnyOrderElementsOf(invited);
        assertThat(audit.all()).hasSize(events);
        assertThat(mail.sent()).hasSize(mails);
        return e;
    }
}
