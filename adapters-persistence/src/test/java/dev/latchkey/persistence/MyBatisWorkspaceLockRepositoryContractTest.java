package dev.latchkey.persistence;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.application.port.out.contract.WorkspaceLockRepositoryContract;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract on PostgreSQL ({@code workspaces.locked_at}). */
@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisWorkspaceLockRepositoryContractTest extends WorkspaceLockRepositoryContract {

    @Autowired MyBatisWorkspaceLockRepository locks;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;

    @Override
    protected WorkspaceLockRepository locks() {
        return locks;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected WorkspaceId newWorkspace() {
        Workspace workspace = Workspace.create("Acme", NOW);
        workspaces.add(workspace);
        return workspace.id();
    }

    /** The lock is a column of its own: the workspace itself (name, plan) is untouched, and a plan change keeps it. */
    @Test
    void theLockLeavesTheRestOfTheWorkspaceAlone() {
        WorkspaceId workspace = newWorkspace();
        Workspace before = workspaces.findById(workspace).orElseThrow();

        transactions.inTransaction(() -> locks.lock(workspace, NOW));
        transactions.inTransaction(() -> workspaces.updatePlan(workspace, Plan.FREE));

        assertThat(workspaces.findById(workspace)).contains(before);
        assertThat(locks.lockedAt(workspace)).contains(NOW);
    }
}
