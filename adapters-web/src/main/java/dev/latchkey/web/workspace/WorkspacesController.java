package dev.latchkey.web.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase.CreateWorkspaceCommand;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase.WorkspacePage;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.web.support.FieldErrors;
import dev.latchkey.web.support.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's workspaces (PRODUCT.md §12 tenancy endpoints); user tokens only. */
@RestController
@Tag(name = "Workspaces", description = "The workspaces a user owns or belongs to; each request acts in one of them "
        + "(`Latchkey-Workspace`)")
public class WorkspacesController {

    private final ManageWorkspacesUseCase workspaces;

    public WorkspacesController(ManageWorkspacesUseCase workspaces) {
        this.workspaces = workspaces;
    }

    @Operation(operationId = "listWorkspaces", summary = "List the user's workspaces", description = "Every "
            + "workspace the user owns or belongs to, with their role in it, in the order they joined them: the "
            + "first is the default when a request sends no `Latchkey-Workspace`.")
    @GetMapping("/v1/workspaces")
    public UserWorkspaceListResponse list(
            Caller.UserCaller caller,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "100",
                    defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false)
            String cursor) {
        FieldErrors errors = new FieldErrors();
        PageRequest pageRequest = RequestValues.page(limit, cursor, WorkspaceId.PREFIX, errors);
        errors.throwIfAny();
        WorkspacePage page = workspaces.list(caller, pageRequest);
        return new UserWorkspaceListResponse(page.workspaces().stream()
                .map(membership -> UserWorkspaceResponse.from(membership, caller.environment())).toList(),
                page.hasMore(), page.nextCursor());
    }

    @Operation(operationId = "createWorkspace", summary = "Create a workspace", description = "A new workspace on "
            + "the FREE plan, owned by the user (recorded as `workspace.created`). Act in it with "
            + "`Latchkey-Workspace: <its id>`.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/v1/workspaces")
    public UserWorkspaceResponse create(Caller.UserCaller caller, @RequestBody CreateWorkspaceRequest body) {
        CreateWorkspaceCommand command = CreateWorkspaceCommand.parse(body.name());
        WorkspaceMembership created = workspaces.create(caller.account(), command);
        return UserWorkspaceResponse.from(created, caller.environment());
    }
}
