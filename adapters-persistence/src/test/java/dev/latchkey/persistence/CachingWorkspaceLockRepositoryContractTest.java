package dev.latchkey.persistence;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.application.port.out.contract.WorkspaceLockRepositoryContract;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.persistence.cache.CachingWorkspaceLockRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache in front of PostgreSQL keeps the port's contract: a cached lookup answers as the store would. */
@SpringBootTest(classes = PersistenceTestApplication.class)
class CachingWorkspaceLockRepositoryContractTest extends WorkspaceLockRepositoryContract {

    @Autowired MyBatisWorkspaceLockRepository store;
    @Autowired MyBatisKeyChangePublisher publisher;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;

    private CachingWorkspaceLockRepository cache;

    @BeforeEach
    void cacheInFront() {
        cache = new CachingWorkspaceLockRepository(store, publisher, Duration.ofMinutes(10), 1_000);
        cache.listening(true);
    }

    @Override
    protected WorkspaceLockRepository locks() {
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

    /** What a restarted node sees: the lock is stored, not only remembered. */
    @Test
    void aNewNodeFindsTheWorkspaceLocked() {
        WorkspaceId workspace = newWorkspace();
        transactions.inTransaction(() -> cache.lock(workspace, NOW));

        CachingWorkspaceLockRepository restarted = new CachingWorkspaceLockRepository(store, publisher,
                Duration.ofMinutes(10), 1_000);

        assertThat(restarted.lockedAt(workspace)).contains(NOW);
    }
}
