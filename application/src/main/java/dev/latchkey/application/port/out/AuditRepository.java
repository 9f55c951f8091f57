package dev.latchkey.application.port.out;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The audit log: written in the transaction of the change it records, read a workspace at a time. */
public interface AuditRepository {

    void add(AuditEvent event);

    /**
     * Up to {@code limit} events of a workspace, newest first, strictly after the event {@code afterId} (null: from the
     * newest), matching every filter given.
     */
    List<AuditEvent> list(WorkspaceId workspaceId, AuditQuery query, String afterId, int limit);

    /** Deletes the events older than {@code before} of the workspaces on {@code plan}; returns how many. */
    int purgeBefore(Plan plan, Instant before);

    /**
     * Filters; empty means any. {@code environments}: events of these environments, plus those of none when
     * {@code withoutEnvironment}; empty means any environment. {@code from} inclusive, {@code to} exclusive.
     */
    record AuditQuery(Optional<AuditAction> action, Optional<String> actorId, Optional<String> targetId,
                      Optional<Instant> from, Optional<Instant> to, Optional<Environment> environment,
                      boolean withoutEnvironment) {

        public static AuditQuery any() {
            return new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), true);
        }
    }
}
