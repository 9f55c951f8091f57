package dev.latchkey.application.service.audit;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditRetentionTest {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);
    private final MutableClock clock = MutableClock.at("2026-12-01T10:00:00Z");
    private final AuditRetention retention = new AuditRetention(audit, Plans.defaults(), transactions, clock);

    @Test
    void eachPlanKeepsItsDaysAndEnterpriseKeepsEverything() {
        WorkspaceId free = workspace(Plan.FREE);
        WorkspaceId pro = workspace(Plan.PRO);
        WorkspaceId scale = workspace(Plan.SCALE);
        WorkspaceId enterprise = workspace(Plan.ENTERPRISE);
        for (WorkspaceId workspace : new WorkspaceId[]{free, pro, scale, enterprise}) {
            for (int days : new int[]{6, 8, 29, 31, 364, 366, 5000}) {
                event(workspace, clock.instant().minus(Duration.ofDays(days)));
            }
        }

        int purged = retention.purgeExpired();

        assertThat(count(free)).isEqualTo(1);
        assertThat(count(pro)).isEqualTo(3);
        assertThat(count(scale)).isEqualTo(5);
        assertThat(count(enterprise)).isEqualTo(7);
        assertThat(purged).isEqualTo(6 + 4 + 2);
    }

    private long count(WorkspaceId workspace) {
        return audit.all().stream().filter(event -> event.workspaceId().equals(workspace)).count();
    }

    private WorkspaceId workspace(Plan plan) {
        Workspace workspace = new Workspace(WorkspaceId.newId(), plan.name(), plan, Instant.EPOCH);
        workspaces.add(workspace);
        return workspace.id();
    }

    private void event(WorkspaceId workspace, Instant at) {
        transactions.inTransaction(() -> {
            audit.add(AuditEvent.of(workspace, null, AuditAction.LOGIN_SUCCEEDED,
                    new AuditActor(AuditActor.Type.USER, "usr_1", "a@example.com"), null, null, at, Map.of()));
            return null;
        });
    }
}
