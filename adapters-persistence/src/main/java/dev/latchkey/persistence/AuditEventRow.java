package dev.latchkey.persistence;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditEventId;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A row of {@code audit_events}; {@code details} travel as parallel key and value arrays (jsonb in the table). */
public record AuditEventRow(String id, String workspaceId, String environment, String action, String actorType,
                            String actorId, String actorLabel, String ip, String targetType, String targetId,
                            Instant occurredAt, String[] detailKeys, String[] detailValues) {

    static AuditEventRow from(AuditEvent event) {
        return new AuditEventRow(event.id().value(), event.workspaceId().value(),
                event.environment() == null ? null : event.environment().code(), event.action().code(),
                event.actor().type().code(), event.actor().id(), event.actor().label(), event.ip(),
                event.target() == null ? null : event.target().type(),
                event.target() == null ? null : event.target().id(), event.occurredAt(),
                event.details().keySet().toArray(String[]::new), event.details().values().toArray(String[]::new));
    }

    AuditEvent toDomain() {
        Map<String, String> details = new LinkedHashMap<>();
        for (int i = 0; detailKeys != null && i < detailKeys.length; i++) {
            details.put(detailKeys[i], detailValues[i]);
        }
        return new AuditEvent(new AuditEventId(id), new WorkspaceId(workspaceId),
                environment == null ? null : Environment.fromCode(environment).orElseThrow(),
                AuditAction.fromCode(action).orElseThrow(() -> new IllegalStateException("unknown audit action")),
                new AuditActor(AuditActor.Type.valueOf(actorType.toUpperCase(Locale.ROOT)), actorId, actorLabel), ip,
                targetType == null ? null : new AuditTarget(targetType, targetId), occurredAt, details);
    }
}
