package dev.latchkey.web.audit;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.FindAuditEventsUseCase;
import dev.latchkey.application.port.in.FindAuditEventsUseCase.AuditFilter;
import dev.latchkey.application.port.in.FindAuditEventsUseCase.AuditPage;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEventId;
import dev.latchkey.web.support.FieldErrors;
import dev.latchkey.web.support.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

@RestController
@Tag(name = "Audit log", description = "Every change in the workspace, who made it, from where")
public class AuditController {

    private final FindAuditEventsUseCase audit;

    public AuditController(FindAuditEventsUseCase audit) {
        this.audit = audit;
    }

    @Operation(operationId = "listAuditEvents", summary = "List audit events", description = "Newest first, a page at "
            + "a time. Needs `audit:read` (a key, which sees its own environment's events and those of none) or "
            + "ADMIN/OWNER (a user, every environment's).")
    @GetMapping("/v1/audit-events")
    public AuditEventListResponse list(
            Caller caller,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "100",
                    defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(description = "Only this action, e.g. `key.revoked`") @RequestParam(required = false)
            String action,
            @Parameter(description = "Only changes by this user or key id") @RequestParam(required = false)
            String actorId,
            @Parameter(description = "Only changes to this key, member, workspace, … id")
            @RequestParam(required = false) String targetId,
            @Parameter(description = "From this time (inclusive), RFC 3339") @RequestParam(required = false)
            String from,
            @Parameter(description = "Before this time (exclusive), RFC 3339") @RequestParam(required = false)
            String to,
            @Parameter(description = "Users: only this environment's events", schema = @Schema(
                    allowableValues = {"live", "test"})) @RequestParam(required = false) String environment) {
        FieldErrors errors = new FieldErrors();
        PageRequest pageRequest = RequestValues.page(limit, cursor, AuditEventId.PREFIX, errors);
        Optional<AuditAction> auditAction = RequestValues.option(action, "action", "must be one of "
                + String.join(", ", Arrays.stream(AuditAction.values()).map(AuditAction::code).toList()),
                AuditAction::fromCode, errors);
        Optional<Instant> since = RequestValues.timestamp(from, "from", errors);
        Optional<Instant> until = RequestValues.timestamp(to, "to", errors);
        errors.check(since.isEmpty() || until.isEmpty() || since.get().isBefore(until.get()), "to",
                "must be after from");
        Optional<Environment> eventEnvironment = RequestValues.option(environment, "environment",
                "must be live or test", Environment::fromCode, errors);
        errors.throwIfAny();
        AuditPage page = audit.list(caller, new AuditFilter(auditAction, Optional.ofNullable(RequestValues.present(actorId)),
                Optional.ofNullable(RequestValues.present(targetId)), since, until, eventEnvironment),
                pageRequest);
        return new AuditEventListResponse(page.events().stream().map(AuditEventResponse::from).toList(),
                page.hasMore(), page.nextCursor());
    }
}
