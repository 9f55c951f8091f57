package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;

/** The fake keeps the contract. */
class InMemoryWorkspaceRepositoryContractTest extends WorkspaceRepositoryContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository(users);

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected UserId newUser(Email email) {
        User user = User.create(email, new PasswordHash("hash"), T0);
        users.add(user);
        return user.id();
    }
}
