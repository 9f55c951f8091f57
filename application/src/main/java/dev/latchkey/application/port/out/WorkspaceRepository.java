package dev.latchkey.application.port.out;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
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
     * against its plan (keys, members) or that count its owners take this lock first, so that two of them never both
     * see room for one more, nor both remove one of its last two owners.
     */
    Optional<Workspace> findByIdForUpdate(WorkspaceId id);

    /** Sets the plan of a workspace; false when there is no such workspace. */
    boolean updatePlan(WorkspaceId id, Plan plan);

    void addMember(Membership membership);

    /** The user's memberships, oldest first: the first is their default workspace. */
    List<Membership> membershipsOf(UserId userId);

    Optional<Membership> findMembership(WorkspaceId workspaceId, UserId userId);

    /**
     * Up to {@code limit} members of a workspace with their emails, in the order they joined (ties by user id),
     * strictly after the member {@code afterUserId} (null: from the first). A cursor that is no member of this
     * workspace matches nothing.
     */
    List<Member> members(WorkspaceId workspaceId, UserId afterUserId, int limit);

    /** A member of the workspace with their email. */
    Optional<Member> findMember(WorkspaceId workspaceId, UserId userId);

    /** The member of the workspace whose account has this email. */
    Optional<Member> findMemberByEmail(WorkspaceId workspaceId, Email email);

    /** How many members the workspace has. */
    long countMembers(WorkspaceId workspaceId);

    /** How many members of the workspace have {@code role}. */
    long countMembers(WorkspaceId workspaceId, Role role);

    /** Sets a member's role; false when the user is no member of the workspace. */
    boolean updateRole(WorkspaceId workspaceId, UserId userId, Role role);

    /** Ends a membership; false when the user is no member of the workspace. */
    boolean removeMember(WorkspaceId workspaceId, UserId userId);
}
