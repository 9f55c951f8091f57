package dev.latchkey.application.port.out;

import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

/** Workspaces and their memberships (one aggregate). */
public interface WorkspaceRepository {

    void add(Workspace workspace);

    Optional<Workspace> findById(WorkspaceId id);

    void addMember(Membership membership);

    /** The user's memberships, oldest first: the first is their default workspace. */
    List<Membership> membershipsOf(UserId userId);

    Optional<Membership> findMembership(WorkspaceId workspaceId, UserId userId);
}
