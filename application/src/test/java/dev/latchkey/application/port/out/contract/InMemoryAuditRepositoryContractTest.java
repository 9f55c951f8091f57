package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

/** The fake keeps the contract. */
class InMemoryAuditRepositoryContractTest extends AuditRepositoryContract {

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final InMemoryAuditRepository audit = new InMemoryAuditRepository(workspaces, transactions);

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
        Workspace workspace = new Workspace(created.id(), created.name(), plan, created.createdAt());
        workspaces.add(workspace);
        return workspace.id();
    }
}
