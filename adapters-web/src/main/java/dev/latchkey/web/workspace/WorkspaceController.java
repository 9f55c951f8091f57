package dev.latchkey.web.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class WorkspaceController {

    private final GetWorkspaceUseCase workspaces;

    public WorkspaceController(GetWorkspaceUseCase workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/v1/workspace")
    public WorkspaceResponse get(Caller caller) {
        return WorkspaceResponse.from(workspaces.get(caller), caller.environment());
    }
}
