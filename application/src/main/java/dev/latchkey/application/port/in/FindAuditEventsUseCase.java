package dev.latchkey.application.port.in;

import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading the caller's workspace's audit log: a key needs {@code audit:read} and sees its own environment's events
 * (and those of no environment: members, plan, logins); a user needs ADMIN or OWNER and sees every environment's.
 */
public interface FindAuditEventsUseCase {

    AuditPage list(Caller caller, AuditFilter filter, PageRequest page);

    /** Empty means any; {@code from} inclusive, {@code to} exclusive; {@code environment} only for users. */
    record AuditFilter(Optional<AuditAction> action, Optional<String> actorId, Optional<String> targetId,
                       Optional<Instant> from, Optional<Instant> to, Optional<Environment> environment) {

        public static AuditFilter any() {
            return new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
    }

    record AuditPage(List<AuditEvent> events, boolean hasMore, String nextCursor) {
        public AuditPage {
            events = List.copyOf(events);
        }
    }
}
