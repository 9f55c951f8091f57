package dev.latchkey.persistence;

import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.port.out.AuditRepository.AuditQuery;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.contract.AuditRepositoryContract;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisAuditRepositoryContractTest extends AuditRepositoryContract {

    @Autowired MyBatisAuditRepository audit;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @Override
    protected AuditRepository audit() {
        return audit;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected WorkspaceId newWorkspace(Plan plan) {
        Workspace created = Workspace.create("Acme", T0);
        workspaces.add(new Workspace(created.id(), created.name(), plan, created.createdAt()));
        return created.id();
    }

    @Test
    void detailsAreStoredAsAJsonObject() {
        WorkspaceId workspace = newWorkspace(Plan.FREE);
        var event = add(workspace, Environment.LIVE, AuditAction.KEY_EDITED,
                new AuditActor(AuditActor.Type.USER, "usr_1", "a@example.com"), "key_1", T0,
                Map.of("scopes", "keys:read", "name", "it's \"quoted\""));

        assertThat(jdbc.queryForObject("select details ->> 'name' from audit_events where id = ?", String.class,
                event.id().value())).isEqualTo("it's \"quoted\"");
        assertThat(audit.list(workspace, AuditQuery.any(), null, 5)).containsExactly(event);
    }

    @Test
    void theListingReadsThroughTheWorkspaceIndex() {
        assertThat(PersistenceTestPlans.explain(transactionManager, jdbc, """
                select e.id from audit_events e where e.workspace_id = 'ws'
                order by e.occurred_at desc, e.id desc limit 21""", List.of())).contains("audit_events_workspace_idx");
    }
}
