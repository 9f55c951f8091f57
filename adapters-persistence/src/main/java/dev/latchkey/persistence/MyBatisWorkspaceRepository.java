package dev.latchkey.persistence;

import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MyBatisWorkspaceRepository implements WorkspaceRepository {

    private final WorkspaceMapper mapper;

    public MyBatisWorkspaceRepository(WorkspaceMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void add(Workspace workspace) {
        StoreFailures.guard(() -> mapper.insert(WorkspaceRow.from(workspace)));
    }

    @Override
    public Optional<Workspace> findById(WorkspaceId id) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findById(id.value(), false)))
                .map(WorkspaceRow::toDomain);
    }

    @Override
    public Optional<Workspace> findByIdForUpdate(WorkspaceId id) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findById(id.value(), true)))
                .map(WorkspaceRow::toDomain);
    }

    @Override
    public boolean updatePlan(WorkspaceId id, Plan plan) {
        return StoreFailures.guard(() -> mapper.updatePlan(id.value(), plan.name())) > 0;
    }

    @Override
    public void addMember(Membership membership) {
        StoreFailures.guard(() -> mapper.insertMembership(MembershipRow.from(membership)));
    }

    @Override
    public List<Membership> membershipsOf(UserId userId) {
        return StoreFailures.guard(() -> mapper.membershipsOf(userId.value())).stream().map(MembershipRow::toDomain).toList();
    }

    @Override
    public Optional<Membership> findMembership(WorkspaceId workspaceId, UserId userId) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findMembership(workspaceId.value(), userId.value())))
                .map(MembershipRow::toDomain);
    }
}
