package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Workspaces and memberships in memory; memberships of a user come oldest first, as the port requires. */
public final class InMemoryWorkspaceRepository implements WorkspaceRepository {

    private final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
    private final List<Membership> memberships = new ArrayList<>();

    @Override
    public void add(Workspace workspace) {
        if (workspaces.putIfAbsent(workspace.id(), workspace) != null) {
            throw new IllegalStateException("duplicate workspace id " + workspace.id());
        }
    }

    @Override
    public Optional<Workspace> findById(WorkspaceId id) {
        return Optional.ofNullable(workspaces.get(id));
    }

    /** No lock in memory: tests that need the lock run on PostgreSQL. */
    @Override
    public Optional<Workspace> findByIdForUpdate(WorkspaceId id) {
        return findById(id);
    }

    @Override
    public boolean updatePlan(WorkspaceId id, Plan plan) {
        Workspace held = workspaces.get(id);
        if (held == null) {
            return false;
        }
        workspaces.put(id, new Workspace(held.id(), held.name(), plan, held.createdAt()));
        return true;
    }

    @Override
    public void addMember(Membership membership) {
        if (!workspaces.containsKey(membership.workspaceId())) {
            throw new IllegalStateException("no workspace " + membership.workspaceId());
        }
        if (findMembership(membership.workspaceId(), membership.userId()).isPresent()) {
            throw new IllegalStateException("already a member");
        }
        memberships.add(membership);
    }

    @Override
    public List<Membership> membershipsOf(UserId userId) {
        return memberships.stream()
                .filter(membership -> membership.userId().equals(userId))
                .sorted(Comparator.comparing(Membership::joinedAt)) // stable: insertion order breaks ties
                .toList();
    }

    @Override
    public Optional<Membership> findMembership(WorkspaceId workspaceId, UserId userId) {
        return memberships.stream()
                .filter(m -> m.workspaceId().equals(workspaceId) && m.userId().equals(userId))
                .findFirst();
    }

    public List<Workspace> all() {
        return new ArrayList<>(workspaces.values());
    }

    public List<Membership> allMemberships() {
        return List.copyOf(memberships);
    }
}
