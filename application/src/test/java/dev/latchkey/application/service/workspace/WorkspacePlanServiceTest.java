package dev.latchkey.application.service.workspace;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkspacePlanServiceTest {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final WorkspacePlanService service = new WorkspacePlanService(workspaces, transactions,
            new AuditTrail(audit, clock), Set.of(new Email("ops@example.com")));
    private final Workspace own = workspace("Own");
    private final Workspace customer = workspace("Customer");

    private Workspace workspace(String name) {
        Workspace workspace = new Workspace(WorkspaceId.newId(), name, Plan.FREE, Instant.EPOCH);
        workspaces.add(workspace);
        return workspace;
    }

    private static Caller.UserCaller caller(Workspace workspace, String email, Role role) {
        return new Caller.UserCaller(UserId.newId(), workspace.id(), Environment.TEST, role, email, "203.0.113.1");
    }

    @Test
    void anOperatorSetsThePlanOfTheirWorkspaceOrOfAnotherOneNamed() {
        Caller.UserCaller operator = caller(own, "ops@example.com", Role.MEMBER);

        assertThat(service.changePlan(operator, Optional.empty(), Plan.PRO).plan()).isEqualTo(Plan.PRO);
        assertThat(service.changePlan(operator, Optional.of(customer.id()), Plan.SCALE).plan()).isEqualTo(Plan.SCALE);

        assertThat(workspaces.findById(own.id()).orElseThrow().plan()).isEqualTo(Plan.PRO);
        assertThat(workspaces.findById(customer.id()).orElseThrow().plan()).isEqualTo(Plan.SCALE);
        AuditEvent event = audit.all().getLast();
        assertThat(event.workspaceId()).isEqualTo(customer.id());
        assertThat(event.action()).isEqualTo(AuditAction.PLAN_CHANGED);
        assertThat(event.details()).containsEntry("from", "FREE").containsEntry("to", "SCALE");
        assertThat(event.actor().label()).isEqualTo("ops@example.com");
    }

    @Test
    void anOwnerWhoIsNoOperatorCannot() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.changePlan(caller(own, "owner@example.com", Role.OWNER), Optional.empty(), Plan.ENTERPRISE));

        assertThat(e.code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);
        assertThat(workspaces.findById(own.id()).orElseThrow().plan()).isEqualTo(Plan.FREE);
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void anUnknownWorkspaceIsNotFoundAndTheSamePlanChangesNothing() {
        Caller.UserCaller operator = caller(own, "ops@example.com", Role.OWNER);

        assertThat(catchThrowableOfType(DomainException.class, () -> service.changePlan(operator,
                Optional.of(WorkspaceId.newId()), Plan.PRO)).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(service.changePlan(operator, Optional.empty(), Plan.FREE).plan()).isEqualTo(Plan.FREE);
        assertThat(audit.all()).isEmpty();
    }
}
