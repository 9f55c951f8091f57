package dev.latchkey.application.service.audit;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.FindAuditEventsUseCase;
import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.port.out.AuditRepository.AuditQuery;
import dev.latchkey.application.service.CallerAccess;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.audit.AuditEvent;

import java.util.List;
import java.util.Optional;

public final class AuditQueryService implements FindAuditEventsUseCase {

    private final AuditRepository events;

    public AuditQueryService(AuditRepository events) {
        this.events = events;
    }

    @Override
    public AuditPage list(Caller caller, AuditFilter filter, PageRequest page) {
        CallerAccess.requirePrivilegedRead(caller, Scope.AUDIT_READ);
        AuditQuery query = switch (caller) {
            // a key sees its own environment's events and those of none, whatever it asks for
            case Caller.KeyCaller key -> new AuditQuery(filter.action(), filter.actorId(), filter.targetId(),
                    filter.from(), filter.to(), Optional.of(key.environment()), true);
            case Caller.UserCaller user -> new AuditQuery(filter.action(), filter.actorId(), filter.targetId(),
                    filter.from(), filter.to(), filter.environment(), filter.environment().isEmpty());
        };
        List<AuditEvent> found = events.list(caller.workspaceId(), query, page.cursor(), page.limit() + 1);
        boolean hasMore = found.size() > page.limit();
        List<AuditEvent> shown = hasMore ? found.subList(0, page.limit()) : found;
        return new AuditPage(shown, hasMore, hasMore ? shown.getLast().id().value() : null);
    }
}
