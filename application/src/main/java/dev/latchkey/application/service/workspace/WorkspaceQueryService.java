package dev.latchkey.application.service.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.CallerAccess;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.Workspace;

public final class WorkspaceQueryService implements GetWorkspaceUseCase {

    private final WorkspaceRepository workspaces;

    public WorkspaceQueryService(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    @Override
    public Workspace get(Caller caller) {
        CallerAccess.requireRead(caller, Scope.WORKSPACE_READ);
        return workspaces.findById(caller.workspaceId())
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "workspace not found"));
    }
}
