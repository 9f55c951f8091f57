package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.InMemoryInvitationRepository;
import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.WorkspaceId;

/** The fake keeps the contract. */
class InMemoryInvitationRepositoryContractTest extends InvitationRepositoryContract {

    private final InMemoryInvitationRepository invitations = new InMemoryInvitationRepository();
    private final DirectTransactions transactions = new DirectTransactions();

    @Override
    protected InvitationRepository invitations() {
        return invitations;
    }

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected WorkspaceId newWorkspace() {
        return WorkspaceId.newId();
    }

    @Override
    protected UserId newUser() {
        return UserId.newId();
    }
}
