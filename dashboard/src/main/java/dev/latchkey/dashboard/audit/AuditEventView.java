package dev.latchkey.dashboard.audit;

import dev.latchkey.domain.audit.AuditEvent;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One row of the audit log as shown; the event's details never hold a secret (the event refuses them). */
public record AuditEventView(String id, String day, String time, String occurredAtIso, String action, String actorType,
                             String actorId, String actorLabel, String targetType, String targetId,
                             String environment, String ip, List<Detail> details) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    public record Detail(String name, String value) {
    }

    static AuditEventView from(AuditEvent event) {
        return new AuditEventView(
                event.id().value(),
                DAY.format(event.occurredAt()),
                TIME.format(event.occurredAt()),
                event.occurredAt().toString(),
                event.action().code(),
                event.actor().type().code(),
                event.actor().id(),
                event.actor().label(),
                event.target() == null ? null : event.target().type(),
                event.target() == null ? null : event.target().id(),
                event.environment() == null ? null : event.environment().code(),
                event.ip(),
                event.details().entrySet().stream().map(detail -> new Detail(detail.getKey(), detail.getValue()))
                        .toList());
    }
}
