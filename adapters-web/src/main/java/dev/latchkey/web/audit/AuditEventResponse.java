package dev.latchkey.web.audit;

import dev.latchkey.domain.audit.AuditEvent;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/** PRODUCT.md §12 audit event. */
public record AuditEventResponse(
        String id,
        @Schema(example = "key.created") String action,
        Actor actor,
        @Schema(types = {"string", "null"}) String ip,
        @Schema(types = {"object", "null"}) Target target,
        @Schema(types = {"string", "null"}, allowableValues = {"live", "test"},
                description = "null for changes outside any environment (members, plan, logins)") String environment,
        Instant occurredAt,
        Map<String, String> details) {

    public record Actor(@Schema(allowableValues = {"user", "key", "system"}) String type, String id,
                        @Schema(description = "A user's email, a key's prefix") String label) {
    }

    public record Target(@Schema(example = "key") String type, String id) {
    }

    public static AuditEventResponse from(AuditEvent event) {
        return new AuditEventResponse(event.id().value(), event.action().code(),
                new Actor(event.actor().type().code(), event.actor().id(), event.actor().label()), event.ip(),
                event.target() == null ? null : new Target(event.target().type(), event.target().id()),
                event.environment() == null ? null : event.environment().code(), event.occurredAt(), event.details());
    }
}
