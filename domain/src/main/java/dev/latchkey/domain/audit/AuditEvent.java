package dev.latchkey.domain.audit;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One recorded change in a workspace. {@code environment} is null for changes that belong to no environment (members,
 * plan, logins); {@code target} and {@code ip} may be null. {@code details} are short facts (a new role, a plan, a
 * scope list) and never a secret: anything shaped like an API key or a JWT is refused here, whoever builds the event.
 */
public record AuditEvent(AuditEventId id, WorkspaceId workspaceId, Environment environment, AuditAction action,
                         AuditActor actor, String ip, AuditTarget target, Instant occurredAt,
                         Map<String, String> details) {

    public static final int MAX_DETAIL_LENGTH = 500;
    private static final Pattern SECRET_LIKE = Pattern.compile(
            "(?:pk|sk|rk)_(?:live|test)_[0-9A-Za-z]{20,}|eyJ[0-9A-Za-z_-]+\\.[0-9A-Za-z_-]+\\.");

    public AuditEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(occurredAt, "occurredAt");
        details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(details));
        for (Map.Entry<String, String> detail : details.entrySet()) {
            String value = detail.getValue();
            if (value == null || value.length() > MAX_DETAIL_LENGTH || SECRET_LIKE.matcher(value).find()
                    || SECRET_LIKE.matcher(detail.getKey()).find()) {
                throw new IllegalArgumentException("audit detail '" + detail.getKey()
                        + "' is missing, too long or shaped like a secret");
            }
        }
    }

    public static AuditEvent of(WorkspaceId workspaceId, Environment environment, AuditAction action, AuditActor actor,
                                String ip, AuditTarget target, Instant occurredAt, Map<String, String> details) {
        return new AuditEvent(AuditEventId.newId(), workspaceId, environment, action, actor, ip, target, occurredAt,
                details);
    }
}
