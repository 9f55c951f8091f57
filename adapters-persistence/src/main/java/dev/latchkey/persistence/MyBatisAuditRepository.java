package dev.latchkey.persistence;

import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;

@Repository
public class MyBatisAuditRepository implements AuditRepository {

    private final AuditMapper mapper;

    public MyBatisAuditRepository(AuditMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void add(AuditEvent event) {
        StoreFailures.guard(() -> mapper.insert(AuditEventRow.from(event)));
    }

    @Override
    public List<AuditEvent> list(WorkspaceId workspaceId, AuditQuery query, String afterId, int limit) {
        return StoreFailures.guard(() -> mapper.list(workspaceId.value(),
                        query.action().map(AuditAction::code).orElse(null), query.actorId().orElse(null),
                        query.targetId().orElse(null), query.from().orElse(null), query.to().orElse(null),
                        query.environment().map(Environment::code).orElse(null), query.withoutEnvironment(), afterId,
                        limit))
                .stream().map(AuditEventRow::toDomain).toList();
    }

    @Override
    public int purgeBefore(Plan plan, Instant before) {
        return StoreFailures.guard(() -> mapper.purgeBefore(plan.name(), before));
    }
}
