package dev.latchkey.application.port.out;

import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

/** Workspaces and their memberships (one aggregate). */
public interface WorkspaceRepository {

    void add(Workspace workspace);

    Optional<Workspace> findById(WorkspaceId id);

    /**
     * {@link #findById}, locking the workspace until the transaction ends: changes that count what a workspace holds
     * against its plan (keys, members) take this lock first, so that two of them never both see room for one more.
     */
    Optional<Workspace> findByIdForUpdate(WorkspaceId id);

    /** Sets the plan of a workspace; false when there is no such workspace. */
    boolean updatePlan(WorkspaceId id, Plan plan);

    void addMember(Membership membership);

    /** The user's memberships, oldest first: the first is their default workspace. */
    List<Membership> membershipsOf(UserId userId);

    Optional<Membership> findMembership(WorkspaceId workspaceId, UserId userId);
}
