package dev.latchkey.web.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.LockWorkspaceUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The kill switch (PRODUCT.md §5, §12): user tokens only. */
@RestController
@RequestMapping("/v1/workspace/lock")
@Tag(name = "Workspace", description = "The caller's workspace")
public class WorkspaceLockController {

    private final LockWorkspaceUseCase locks;

    public WorkspaceLockController(LockWorkspaceUseCase locks) {
        this.locks = locks;
    }

    @Operation(operationId = "lockWorkspace", summary = "Lock every live key (kill switch)", description = "Every "
            + "live key of the workspace is refused at once, on every node within a second: `403 workspace_locked` "
            + "on every request, `LOCKED` from the verify API; keys created or rolled while locked are locked too. "
            + "Test keys and user tokens keep working. OWNER only (`role_forbidden`), on a plan with the kill switch "
            + "(`plan_required`: Scale and Enterprise by default). Locking a locked workspace changes nothing. "
            + "Recorded in the audit log (`workspace.locked`).")
    @PostMapping
    public WorkspaceLockResponse lock(Caller.UserCaller caller) {
        return WorkspaceLockResponse.from(locks.lock(caller), caller.environment());
    }

    @Operation(operationId = "unlockWorkspace", summary = "Unlock the live keys", description = "The live keys work "
            + "again (those revoked or expired meanwhile excepted), on every node within a second. OWNER only; "
            + "allowed on every plan, so that a workspace downgraded while locked can always be unlocked. Unlocking "
            + "an unlocked workspace changes nothing. Recorded in the audit log (`workspace.unlocked`).")
    @DeleteMapping
    public WorkspaceLockResponse unlock(Caller.UserCaller caller) {
        return WorkspaceLockResponse.from(locks.unlock(caller), caller.environment());
    }

    @Operation(operationId = "getWorkspaceLock", summary = "Whether the live keys are locked", description = "Any "
            + "member may read it.")
    @GetMapping
    public WorkspaceLockResponse get(Caller.UserCaller caller) {
        return WorkspaceLockResponse.from(locks.get(caller), caller.environment());
    }
}
