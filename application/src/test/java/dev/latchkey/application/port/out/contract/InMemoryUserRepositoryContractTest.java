package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.fake.InMemoryUserRepository;
import dev.latchkey.application.port.out.UserRepository;

/** The fake keeps the contract. */
class InMemoryUserRepositoryContractTest extends UserRepositoryContract {

    private final InMemoryUserRepository users = new InMemoryUserRepository();

    @Override
    protected UserRepository users() {
        return users;
    }
}
