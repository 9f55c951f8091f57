package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workspaces and memberships in memory; memberships of a user come oldest first, as the port requires. Members'
 * emails come from the {@link InMemoryUserRepository} given (without one, only the methods without emails work).
 */
public final class InMemoryWorkspaceRepository implements WorkspaceRepository {

    private static final Comparator<Membership> BY_JOINING = Comparator.comparing(Membership::joinedAt)
            .thenComparing(membership -> membership.userId().value());

    private final Map<WorkspaceId, Workspace> workspaces = new LinkedHashMap<>();
    private final List<Membership> memberships = new ArrayList<>();
    private final InMemoryUserRepository users;

    public InMemoryWorkspaceRepository() {
        this(null);
    }

    public InMemoryWorkspaceRepository(InMemoryUserRepository users) {
        this.users = users;
    }

    @Override
    public synchronized void add(Workspace workspace) {
        if (workspaces.putIfAbsent(workspace.id(), workspace) != null) {
            throw new IllegalStateException("duplicate workspace id " + workspace.id());
        }
    }

    @Override
    public synchronized Optional<Workspace> findById(WorkspaceId id) {
        return Optional.ofNullable(workspaces.get(id));
    }

    /** No lock in memory: tests that need the lock run on PostgreSQL. */
    @Override
    public Optional<Workspace> findByIdForUpdate(WorkspaceId id) {
        return findById(id);
    }

    @Override
    public synchronized boolean updatePlan(WorkspaceId id, Plan plan) {
        Workspace held = workspaces.get(id);
        if (held == null) {
            return false;
        }
        workspaces.put(id, new Workspace(held.id(), held.name(), plan, held.createdAt()));
        return true;
    }

    @Override
    public synchronized void addMember(Membership membership) {
        if (!workspaces.containsKey(membership.workspaceId())) {
            throw new IllegalStateException("no workspace " + membership.workspaceId());
        }
        if (findMembership(membership.workspaceId(), membership.userId()).isPresent()) {
            throw new IllegalStateException("already a member");
        }
        memberships.add(membership);
    }

    @Override
    public synchronized List<Membership> membershipsOf(UserId userId) {
        return memberships.stream()
                .filter(membership -> membership.userId().equals(userId))
                .sorted(Comparator.comparing(Membership::joinedAt)) // stable: insertion order breaks ties
                .toList();
    }

    @Override
    public synchronized Optional<Membership> findMembership(WorkspaceId workspaceId, UserId userId) {
        return memberships.stream()
                .filter(m -> m.workspaceId().equals(workspaceId) && m.userId().equals(userId))
                .findFirst();
    }

    @Override
    public synchronized List<Member> members(WorkspaceId workspaceId, UserId afterUserId, int limit) {
        List<Membership> ordered = memberships.stream().filter(m -> m.workspaceId().equals(workspaceId))
                .sorted(BY_JOINING).toList();
        int from = 0;
        if (afterUserId != null) {
            Optional<Membership> cursor = findMembership(workspaceId, afterUserId);
            if (cursor.isEmpty()) {
                return List.of();
            }
            from = (int) ordered.stream().takeWhile(m -> BY_JOINING.compare(m, cursor.get()) <= 0).count();
        }
        return ordered.subList(from, Math.min(ordered.size(), from + limit)).stream().map(this::member).toList();
    }

    @Override
    public synchronized Optional<Member> findMember(WorkspaceId workspaceId, UserId userId) {
        return findMembership(workspaceId, userId).map(this::member);
    }

    @Override
    public synchronized Optional<Member> findMemberByEmail(WorkspaceId workspaceId, Email email) {
        return usersOrFail().findByEmail(email).flatMap(user -> findMember(workspaceId, user.id()));
    }

    @Override
    public synchronized long countMembers(WorkspaceId workspaceId) {
        return memberships.stream().filter(m -> m.workspaceId().equals(workspaceId)).count();
    }

    @Override
    public synchronized long countMembers(WorkspaceId workspaceId, Role role) {
        return memberships.stream().filter(m -> m.workspaceId().equals(workspaceId) && m.role() == role).count();
    }

    @Override
    public synchronized boolean updateRole(WorkspaceId workspaceId, UserId userId, Role role) {
        for (int i = 0; i < memberships.size(); i++) {
            Membership held = memberships.get(i);
            if (held.workspaceId().equals(workspaceId) && held.userId().equals(userId)) {
                memberships.set(i, new Membership(workspaceId, userId, role, held.joinedAt()));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean removeMember(WorkspaceId workspaceId, UserId userId) {
        return memberships.removeIf(m -> m.workspaceId().equals(workspaceId) && m.userId().equals(userId));
    }

    private Member member(Membership membership) {
        Email email = usersOrFail().findById(membership.userId()).map(User::email)
                .orElseThrow(() -> new IllegalStateException("no user " + membership.userId()));
        return new Member(membership, email);
    }

    private InMemoryUserRepository usersOrFail() {
        if (users == null) {
            throw new IllegalStateException("this fake was made without users; pass an InMemoryUserRepository");
        }
        return users;
    }

    public synchronized List<Workspace> all() {
        return new ArrayList<>(workspaces.values());
    }

    public synchronized List<Membership> allMemberships() {
        return List.copyOf(memberships);
    }
}
