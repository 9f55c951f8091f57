package dev.latchkey.application.service.audit;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Clock;
import java.util.Map;

/**
 * Records changes in the audit log. Call it inside the transaction of the change, so that a change and its record
 * commit (or roll back) together.
 */
public final class AuditTrail {

    private final AuditRepository events;
    private final Clock clock;

    public AuditTrail(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** A change by {@code caller} in its workspace; {@code environment} null for changes outside any environment. */
    public void record(Caller caller, AuditAction action, Environment environment, AuditTarget target,
                       Map<String, String> details) {
        record(caller.workspaceId(), caller.actor(), caller.clientAddress(), action, environment, target, details);
    }

    public void record(WorkspaceId workspaceId, AuditActor actor, String ip, AuditAction action,
                       Environment environment, AuditTarget target, Map<String, String> details) {
        events.add(AuditEvent.of(workspaceId, environment, action, actor, ip, target, clock.instant(), details));
    }
}
