package dev.latchkey.persistence;

import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
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

    @Override
    public List<Member> members(WorkspaceId workspaceId, UserId afterUserId, int limit) {
        return StoreFailures.guard(() -> mapper.members(workspaceId.value(),
                afterUserId == null ? null : afterUserId.value(), limit)).stream().map(MemberRow::toDomain).toList();
    }

    @Override
    public Optional<Member> findMember(WorkspaceId workspaceId, UserId userId) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findMember(workspaceId.value(), userId.value())))
                .map(MemberRow::toDomain);
    }

    @Override
    public Optional<Member> findMemberByEmail(WorkspaceId workspaceId, Email email) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findMemberByEmail(workspaceId.value(),
                email.value()))).map(MemberRow::toDomain);
    }

    @Override
    public long countMembers(WorkspaceId workspaceId) {
        return StoreFailures.guard(() -> mapper.countMembers(workspaceId.value(), null));
    }

    @Override
    public long countMembers(WorkspaceId workspaceId, Role role) {
        return StoreFailures.guard(() -> mapper.countMembers(workspaceId.value(), role.name()));
    }

    @Override
    public boolean updateRole(WorkspaceId workspaceId, UserId userId, Role role) {
        return StoreFailures.guard(() -> mapper.updateRole(workspaceId.value(), userId.value(), role.name())) > 0;
    }

    @Override
    public boolean removeMember(WorkspaceId workspaceId, UserId userId) {
        return StoreFailures.guard(() -> mapper.deleteMembership(workspaceId.value(), userId.value())) > 0;
    }
}
