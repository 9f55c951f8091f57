package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The audit log in memory, behaving like the SQL adapter (see AuditRepositoryContract): newest first, ties broken by
 * id descending. Built with a {@link DirectTransactions}, it refuses writes outside a transaction.
 */
public final class InMemoryAuditRepository implements AuditRepository {

    private static final Comparator<AuditEvent> NEWEST_FIRST = Comparator.comparing(AuditEvent::occurredAt)
            .thenComparing(event -> event.id().value()).reversed();

    private final List<AuditEvent> events = new ArrayList<>();
    private final InMemoryWorkspaceRepository workspaces;
    private final DirectTransactions transactions;

    public InMemoryAuditRepository(InMemoryWorkspaceRepository workspaces, DirectTransactions transactions) {
        this.workspaces = workspaces;
        this.transactions = transactions;
    }

    @Override
    public synchronized void add(AuditEvent event) {
        if (transactions != null && !transactions.active()) {
            throw new IllegalStateException("audit event added outside a transaction");
        }
        if (events.stream().anyMatch(held -> held.id().equals(event.id()))) {
            throw new IllegalStateException("duplicate audit event id");
        }
        events.add(event);
    }

    @Override
    public synchronized List<AuditEvent> list(WorkspaceId workspaceId, AuditQuery query, String afterId, int limit) {
        List<AuditEvent> matching = events.stream()
                .filter(event -> event.workspaceId().equals(workspaceId) && matches(event, query))
                .sorted(NEWEST_FIRST)
                .toList();
        int from = 0;
        if (afterId != null) {
            Optional<AuditEvent> cursor = events.stream()
                    .filter(event -> event.id().value().equals(afterId) && event.workspaceId().equals(workspaceId))
                    .findFirst();
            if (cursor.isEmpty()) {
                return List.of();
            }
            from = (int) matching.stream().takeWhile(event -> NEWEST_FIRST.compare(event, cursor.get()) <= 0).count();
        }
        return matching.subList(from, Math.min(matching.size(), from + limit));
    }

    private static boolean matches(AuditEvent event, AuditQuery query) {
        return query.action().map(action -> event.action() == action).orElse(true)
                && query.actorId().map(id -> event.actor().id().equals(id)).orElse(true)
                && query.targetId().map(id -> event.target() != null && event.target().id().equals(id)).orElse(true)
                && query.from().map(from -> !event.occurredAt().isBefore(from)).orElse(true)
                && query.to().map(to -> event.occurredAt().isBefore(to)).orElse(true)
                && (event.environment() == null ? query.withoutEnvironment()
                        : query.environment().map(environment -> environment == event.environment()).orElse(true));
    }

    @Override
    public synchronized int purgeBefore(Plan plan, Instant before) {
        if (transactions != null && !transactions.active()) {
            throw new IllegalStateException("audit events purged outside a transaction");
        }
        int size = events.size();
        events.removeIf(event -> event.occurredAt().isBefore(before)
                && workspaces.findById(event.workspaceId()).map(Workspace::plan).orElse(null) == plan);
        return size - events.size();
    }

    public synchronized List<AuditEvent> all() {
        return List.copyOf(events);
    }
}
