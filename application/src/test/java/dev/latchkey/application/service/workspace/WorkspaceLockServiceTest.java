package dev.latchkey.application.service.workspace;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceLockRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.LockWorkspaceUseCase.WorkspaceLock;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkspaceLockServiceTest {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryWorkspaceLockRepository locks = new InMemoryWorkspaceLockRepository(workspaces, transactions);
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final WorkspaceLockService service = new WorkspaceLockService(workspaces, locks, transactions,
            Plans.defaults(), new AuditTrail(audit, clock), clock);

    private Workspace workspace(Plan plan) {
        Workspace workspace = new Workspace(WorkspaceId.newId(), "Acme", plan, Instant.EPOCH);
        workspaces.add(workspace);
        return workspace;
    }

    private static Caller.UserCaller caller(Workspace workspace, Role role) {
        return new Caller.UserCaller(UserId.newId(), workspace.id(), Environment.LIVE, role,
                role.name().toLowerCase() + "@example.com", "203.0.113.5");
    }

    private static DomainException refusal(Runnable call) {
        DomainException e = catchThrowableOfType(DomainException.class, call::run);
        assertThat(e).as("must be refused").isNotNull();
        return e;
    }

    @ParameterizedTest
    @EnumSource(value = Plan.class, names = {"SCALE", "ENTERPRISE"})
    void anOwnerLocksTheWorkspaceOnAPlanWithTheKillSwitch(Plan plan) {
        Workspace workspace = workspace(plan);
        Caller.UserCaller owner = caller(workspace, Role.OWNER);

        WorkspaceLock state = service.lock(owner);

        assertThat(state.locked()).isTrue();
        assertThat(state.lockedAt()).isEqualTo(clock.instant());
        assertThat(state.workspace()).isEqualTo(workspace);
        assertThat(locks.lockedAt(workspace.id())).contains(clock.instant());
        AuditEvent event = audit.all().getLast();
        assertThat(event.action()).isEqualTo(AuditAction.WORKSPACE_LOCKED);
        assertThat(event.workspaceId()).isEqualTo(workspace.id());
        assertThat(event.actor()).isEqualTo(owner.actor());
        assertThat(event.ip()).isEqualTo("203.0.113.5");
        assertThat(event.target().type()).isEqualTo("workspace");
        assertThat(event.target().id()).isEqualTo(workspace.id().value());
        assertThat(event.environment()).isNull();
        assertThat(event.occurredAt()).isEqualTo(clock.instant());
    }

    @ParameterizedTest
    @EnumSource(value = Plan.class, names = {"FREE", "PRO"})
    void aPlanWithoutTheKillSwitchIsRefusedAndNothingChanges(Plan plan) {
        Workspace workspace = workspace(plan);

        DomainException e = refusal(() -> service.lock(caller(workspace, Role.OWNER)));

        assertThat(e.code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
        assertThat(e.getMessage()).isEqualTo("The kill switch is not available on the " + plan.name().toLowerCase()
                + " plan. Upgrade to Scale or Enterprise.");
        assertThat(locks.lockedAt(workspace.id())).isEmpty();
        assertThat(audit.all()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "MEMBER"})
    void onlyAnOwnerLocksOrUnlocks(Role role) {
        Workspace workspace = workspace(Plan.ENTERPRISE);
        service.lock(caller(workspace, Role.OWNER));
        int events = audit.all().size();

        assertThat(refusal(() -> service.unlock(caller(workspace, role))).code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);
        Workspace other = workspace(Plan.ENTERPRISE);
        assertThat(refusal(() -> service.lock(caller(other, role))).code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);

        assertThat(locks.lockedAt(workspace.id())).isPresent();
        assertThat(locks.lockedAt(other.id())).isEmpty();
        assertThat(audit.all()).hasSize(events);
    }

    @Test
    void theRoleIsCheckedBeforeThePlan() {
        Workspace free = workspace(Plan.FREE);

        assertThat(refusal(() -> service.lock(caller(free, Role.ADMIN))).code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);
    }

    @Test
    void anOwnerUnlocksAndTheUnlockIsRecorded() {
        Workspace workspace = workspace(Plan.SCALE);
        Caller.UserCaller owner = caller(workspace, Role.OWNER);
        service.lock(owner);
        clock.advance(Duration.ofMinutes(5));

        WorkspaceLock state = service.unlock(owner);

        assertThat(state.locked()).isFalse();
        assertThat(state.lockedAt()).isNull();
        assertThat(locks.lockedAt(workspace.id())).isEmpty();
        assertThat(audit.all()).extracting(AuditEvent::action)
                .containsExactly(AuditAction.WORKSPACE_LOCKED, AuditAction.WORKSPACE_UNLOCKED);
        AuditEvent unlocked = audit.all().getLast();
        assertThat(unlocked.occurredAt()).isEqualTo(clock.instant());
        assertThat(unlocked.actor().type()).isEqualTo(AuditActor.Type.USER);
    }

    @Test
    void lockingTwiceKeepsTheFirstTimeAndRecordsOnce() {
        Workspace workspace = workspace(Plan.SCALE);
        Caller.UserCaller owner = caller(workspace, Role.OWNER);
        Instant first = service.lock(owner).lockedAt();
        clock.advance(Duration.ofMinutes(1));

        WorkspaceLock again = service.lock(owner);

        assertThat(again.lockedAt()).isEqualTo(first);
        assertThat(audit.all()).hasSize(1);
    }

    @Test
    void unlockingAnUnlockedWorkspaceChangesNothing() {
        Workspace workspace = workspace(Plan.SCALE);

        assertThat(service.unlock(caller(workspace, Role.OWNER)).locked()).isFalse();
        assertThat(audit.all()).isEmpty();
    }

    @Test
    void aWorkspaceDowngradedWhileLockedCanStillBeUnlockedButNotLockedAgain() {
        Workspace workspace = workspace(Plan.SCALE);
        Caller.UserCaller owner = caller(workspace, Role.OWNER);
        service.lock(owner);
        workspaces.updatePlan(workspace.id(), Plan.FREE);

        assertThat(service.unlock(owner).locked()).isFalse();

        assertThat(locks.lockedAt(workspace.id())).isEmpty();
        assertThat(refusal(() -> service.lock(owner)).code()).isEqualTo(ErrorCode.PLAN_REQUIRED);
    }

    @Test
    void eachChangeIsOneTransactionWithItsAuditEvent() {
        Workspace workspace = workspace(Plan.SCALE);
        Caller.UserCaller owner = caller(workspace, Role.OWNER);

        service.lock(owner);
        service.unlock(owner);

        // the fakes refuse writes outside a transaction: lock, unlock and both events were inside one each
        assertThat(transactions.count()).isEqualTo(2);
    }

    @Test
    void anyMemberReadsTheState() {
        Workspace workspace = workspace(Plan.SCALE);
        service.lock(caller(workspace, Role.OWNER));

        WorkspaceLock read = service.get(caller(workspace, Role.MEMBER));

        assertThat(read.locked()).isTrue();
        assertThat(read.lockedAt()).isEqualTo(clock.instant());
        assertThat(service.get(caller(workspace(Plan.FREE), Role.MEMBER)).locked()).isFalse();
    }

    @Test
    void aWorkspaceThatIsGoneIsNotFound() {
        Workspace ghost = new Workspace(WorkspaceId.newId(), "Gone", Plan.SCALE, Instant.EPOCH);

        assertThat(refusal(() -> service.lock(caller(ghost, Role.OWNER))).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(refusal(() -> service.unlock(caller(ghost, Role.OWNER))).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
}
