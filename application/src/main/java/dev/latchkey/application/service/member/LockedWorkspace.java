package dev.latchkey.application.service.member;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

/**
 * A workspace locked for the rest of the transaction, and the acting user's membership read under that lock: every
 * change to the members (or the invitations) of a workspace starts here, so that they happen one after the other and
 * each sees the roles as they are, not as they were when the request was authenticated.
 */
record LockedWorkspace(Workspace workspace, Membership actor) {

    static LockedWorkspace of(WorkspaceRepository workspaces, Caller.UserCaller caller) {
        return of(workspaces, caller.workspaceId(), caller.userId());
    }

    static LockedWorkspace of(WorkspaceRepository workspaces, WorkspaceId workspaceId, UserId userId) {
        Workspace workspace = workspaces.findByIdForUpdate(workspaceId).orElseThrow(LockedWorkspace::notFound);
        // removed a moment ago by another request: as for their next request, the workspace is not theirs
        Membership actor = workspaces.findMembership(workspaceId, userId).orElseThrow(LockedWorkspace::notFound);
        return new LockedWorkspace(workspace, actor);
    }

    static DomainException notFound() {
        return new DomainException(ErrorCode.NOT_FOUND, "workspace not found");
    }

    static DomainException memberNotFound(UserId userId) {
        return new DomainException(ErrorCode.NOT_FOUND, "no member " + userId.value() + " in this workspace");
    }
}
