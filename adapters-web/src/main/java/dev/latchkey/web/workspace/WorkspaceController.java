package dev.latchkey.web.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Workspace", description = "The caller's workspace")
public class WorkspaceController {

    private final GetWorkspaceUseCase workspaces;

    public WorkspaceController(GetWorkspaceUseCase workspaces) {
        this.workspaces = workspaces;
    }

    @Operation(operationId = "getWorkspace", summary = "Get the caller's workspace", description = "Its `environment` is the caller's. Needs "
            + "`workspace:read` (a key) or any membership (a user).")
    @GetMapping("/v1/workspace")
    public WorkspaceResponse get(Caller caller) {
        return WorkspaceResponse.from(workspaces.get(caller), caller.environment());
    }
}
