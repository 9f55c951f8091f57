package dev.latchkey.persistence;

import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The kill switch on {@code workspaces.locked_at}. */
@Repository
public class MyBatisWorkspaceLockRepository implements WorkspaceLockRepository {

    private final WorkspaceLockMapper mapper;

    public MyBatisWorkspaceLockRepository(WorkspaceLockMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Optional<Instant> lockedAt(WorkspaceId workspaceId) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.lockedAt(workspaceId.value())));
    }

    @Override
    public boolean lock(WorkspaceId workspaceId, Instant at) {
        Objects.requireNonNull(at, "at");
        return StoreFailures.guard(() -> mapper.lock(workspaceId.value(), at)) > 0;
    }

    @Override
    public boolean unlock(WorkspaceId workspaceId) {
        return StoreFailures.guard(() -> mapper.unlock(workspaceId.value())) > 0;
    }
}
