package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.Optional;

/** A signed-in user acting in a workspace (theirs; default their first) and environment. */
public interface ResolveUserCallerUseCase {

    Caller.UserCaller resolve(UserId userId, Optional<WorkspaceId> workspace, Environment environment);
}
