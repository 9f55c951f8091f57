package dev.latchkey.persistence;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.contract.ApiKeyRepositoryContract;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.persistence.cache.CachingApiKeyRepository;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;

/** The cache in front of PostgreSQL keeps the port's contract: a cached lookup answers as the store would. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class CachingApiKeyRepositoryContractTest extends ApiKeyRepositoryContract {

    @Autowired MyBatisApiKeyRepository store;
    @Autowired MyBatisKeyChangePublisher publisher;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;

    private CachingApiKeyRepository cache;

    @BeforeEach
    void cacheInFront() {
        cache = new CachingApiKeyRepository(store, publisher, Duration.ofMinutes(10), 1_000);
        cache.listening(true);
    }

    @Override
    protected ApiKeyRepository keys() {
        return cache;
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
}
