package dev.latchkey.application.service.workspace;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase.CreateWorkspaceCommand;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase.WorkspacePage;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkspaceManagementServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-01T11:00:00Z");

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    private final MutableClock clock = new MutableClock(T0);
    private final WorkspaceManagementService service = new WorkspaceManagementService(workspaces, transactions,
            new AuditTrail(audit, clock), clock);
    private final UserId ada = UserId.newId();
    private final Workspace own = workspace("Own");
    private final Caller.UserCaller caller = new Caller.UserCaller(ada, own.id(), Environment.TEST, Role.OWNER,
            "ada@example.com", "203.0.113.5");

    private Workspace workspace(String name) {
        Workspace workspace = new Workspace(WorkspaceId.newId(), name, Plan.FREE, T0);
        workspaces.add(workspace);
        workspaces.addMember(new Membership(workspace.id(), ada, Role.OWNER, T0));
        return workspace;
    }

    @Test
    void aUserCreatesAWorkspaceTheyOwnAndItIsAudited() {
        clock.advance(Duration.ofMinutes(1));
        WorkspaceMembership created = service.create(caller.account(), CreateWorkspaceCommand.parse("  Side project "));

        assertThat(created.workspace().name()).isEqualTo("Side project");
        assertThat(created.workspace().plan()).isEqualTo(Plan.FREE);
        assertThat(created.role()).isEqualTo(Role.OWNER);
        assertThat(workspaces.findMembership(created.workspace().id(), ada)).isPresent();
        assertThat(workspaces.membershipsOf(ada).getFirst().workspaceId()).as("the default stays the first")
                .isEqualTo(own.id());
        AuditEvent event = audit.all().getLast();
        assertThat(event.workspaceId()).isEqualTo(created.workspace().id());
        assertThat(event.action()).isEqualTo(AuditAction.WORKSPACE_CREATED);
        assertThat(event.actor().label()).isEqualTo("ada@example.com");
        assertThat(event.details()).containsEntry("name", "Side project");
    }

    @Test
    void aBadNameIsAFieldError() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> CreateWorkspaceCommand.parse(" "));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("name");
        assertThat(catchThrowableOfType(ValidationException.class, () -> CreateWorkspaceCommand.parse(null)))
                .isNotNull();
    }

    @Test
    void theCallersWorkspacesAreListedInTheOrderTheyJoinedAPageAtATime() {
        clock.advance(Duration.ofMinutes(1));
        WorkspaceMembership second = service.create(caller.account(), CreateWorkspaceCommand.parse("Second"));
        clock.advance(Duration.ofMinutes(1));
        WorkspaceMembership third = service.create(caller.account(), CreateWorkspaceCommand.parse("Third"));
        workspace("Someone else's").id(); // also Ada's, joined at T0 like Own

        WorkspacePage all = service.list(caller, PageRequest.first());
        assertThat(all.workspaces()).hasSize(4);
        assertThat(all.hasMore()).isFalse();
        WorkspacePage first = service.list(caller, new PageRequest(2, null));
        assertThat(first.hasMore()).isTrue();
        WorkspacePage rest = service.list(caller, new PageRequest(2, first.nextCursor()));
        assertThat(rest.workspaces()).extracting(m -> m.workspace().id())
                .containsExactly(second.workspace().id(), third.workspace().id());
        assertThat(rest.hasMore()).isFalse();
        assertThat(service.list(caller, new PageRequest(2, WorkspaceId.newId().value())).workspaces()).isEmpty();
        Caller.UserCaller stranger = new Caller.UserCaller(UserId.newId(), own.id(), Environment.TEST, Role.MEMBER);
        assertThat(service.list(stranger, PageRequest.first()).workspaces()).isEmpty();
    }
}
