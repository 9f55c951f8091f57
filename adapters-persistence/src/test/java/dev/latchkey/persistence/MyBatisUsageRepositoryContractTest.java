package dev.latchkey.persistence;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.application.port.out.contract.UsageRepositoryContract;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisUsageRepositoryContractTest extends UsageRepositoryContract {

    @Autowired MyBatisUsageRepository usage;
    @Autowired MyBatisApiKeyRepository keys;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JdbcTemplate jdbc;

    @Override
    protected UsageRepository usage() {
        return usage;
    }

    @Override
    protected ApiKeyRepository keys() {
        return keys;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected WorkspaceId newWorkspace() {
        Workspace workspace = Workspace.create("Acme", Instant.parse("2026-11-01T00:00:00Z"));
        workspaces.add(workspace);
        return workspace.id();
    }

    @Test
    void theWorkspaceWideQueriesUseTheirIndexes() {
        assertThat(PersistenceTestPlans.explain(transactionManager, jdbc, """
                select m.minute, sum(m.requests) from key_usage_minutes m
                where m.workspace_id = 'ws' and m.environment = 'live'
                  and m.minute >= now() and m.minute < now() + interval '1 hour'
                group by m.minute""", List.of())).contains("key_usage_minutes_workspace_idx");
        assertThat(PersistenceTestPlans.explain(transactionManager, jdbc, """
                select d.day, sum(d.requests) from key_usage_days d
                where d.workspace_id = 'ws' and d.environment = 'live'
                  and d.day >= current_date and d.day < current_date + 30
                group by d.day""", List.of())).contains("key_usage_days_workspace_idx");
    }
}
