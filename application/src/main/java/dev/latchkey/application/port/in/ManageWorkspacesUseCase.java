package dev.latchkey.application.port.in;

import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.workspace.Workspace;

import java.util.List;

/**
 * A signed-in user's workspaces (user tokens only): the ones they own or belong to, with their role in each, and new
 * ones, which they own. Every other call acts in one of them (the {@code Latchkey-Workspace} header).
 */
public interface ManageWorkspacesUseCase {

    /** The caller's workspaces in the order they joined them (the first is their default), a page at a time. */
    WorkspacePage list(Caller.UserCaller caller, PageRequest page);

    /** A new workspace on the FREE plan with the caller as its OWNER; recorded as {@code workspace.created}. */
    WorkspaceMembership create(AccountCaller caller, CreateWorkspaceCommand command);

    /** {@code cursor} of the page request: the id of the last workspace of the previous page. */
    record WorkspacePage(List<WorkspaceMembership> workspaces, boolean hasMore, String nextCursor) {
        public WorkspacePage {
            workspaces = List.copyOf(workspaces);
        }
    }

    record CreateWorkspaceCommand(String name) {

        /** From the request's raw name: blank, too long or with control characters is a field error. */
        public static CreateWorkspaceCommand parse(String name) {
            ValidationException.Collector errors = new ValidationException.Collector();
            Workspace.validateName(name, "name", errors);
            errors.throwIfAny();
            return new CreateWorkspaceCommand(name.strip());
        }
    }
}
