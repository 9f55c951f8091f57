package dev.latchkey.application.port.in;

import dev.latchkey.domain.workspace.Workspace;

/** The caller's workspace (scope {@code workspace:read}, or any member). */
public interface GetWorkspaceUseCase {

    Workspace get(Caller caller);
}
