package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryWorkspaceLockRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake keeps the contract (and refuses writes outside a transaction). */
class InMemoryWorkspaceLockRepositoryContractTest extends WorkspaceLockRepositoryContract {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryWorkspaceLockRepository locks = new InMemoryWorkspaceLockRepository(workspaces, transactions);

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

    @Test
    void writesOutsideATransactionAreRefused() {
        WorkspaceId workspace = newWorkspace();

        assertThatThrownBy(() -> locks.lock(workspace, NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outside a transaction");
        assertThatThrownBy(() -> locks.unlock(workspace)).isInstanceOf(IllegalStateException.class);
    }
}
