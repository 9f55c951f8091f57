package dev.latchkey.web.workspace;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ChangePlanUseCase;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.Ids;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.web.support.FieldErrors;
import dev.latchkey.web.support.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.Optional;

@RestController
@Tag(name = "Workspace", description = "The caller's workspace")
public class WorkspaceController {

    private final GetWorkspaceUseCase workspaces;
    private final ChangePlanUseCase plans;

    public WorkspaceController(GetWorkspaceUseCase workspaces, ChangePlanUseCase plans) {
        this.workspaces = workspaces;
        this.plans = plans;
    }

    @Operation(operationId = "getWorkspace", summary = "Get the caller's workspace", description = "Its `environment` is the caller's. Needs "
            + "`workspace:read` (a key) or any membership (a user).")
    @GetMapping("/v1/workspace")
    public WorkspaceResponse get(Caller caller) {
        return WorkspaceResponse.from(workspaces.get(caller), caller.environment());
    }

    @Operation(operationId = "changePlan", summary = "Set a workspace's plan (operators)", description = "Only for the "
            + "deployment's operators (`latchkey.operators`), with a user token. A downgrade deletes nothing: keys "
            + "keep what they have, and only new gated actions are refused.")
    @PutMapping("/v1/workspace/plan")
    public WorkspaceResponse changePlan(Caller.UserCaller caller, @RequestBody ChangePlanRequest body) {
        FieldErrors errors = new FieldErrors();
        String plan = RequestValues.present(body.plan());
        Optional<Plan> parsed = plan == null ? Optional.empty() : Arrays.stream(Plan.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(plan)).findFirst();
        errors.check(parsed.isPresent(), "plan", "must be FREE, PRO, SCALE or ENTERPRISE");
        errors.throwIfAny();
        String workspaceId = RequestValues.present(body.workspaceId());
        if (workspaceId != null && !Ids.looksLike(WorkspaceId.PREFIX, workspaceId)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "workspace not found");
        }
        Workspace changed = plans.changePlan(caller, Optional.ofNullable(workspaceId).map(WorkspaceId::new),
                parsed.orElseThrow());
        return WorkspaceResponse.from(changed, caller.environment());
    }
}
