package dev.latchkey.persistence;

import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Repository
public class MyBatisInvitationRepository implements InvitationRepository {

    private final InvitationMapper mapper;

    public MyBatisInvitationRepository(InvitationMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void add(Invitation invitation) {
        StoreFailures.guard(() -> mapper.insert(InvitationRow.from(invitation)));
    }

    @Override
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findByTokenHash(tokenHash)))
                .map(InvitationRow::toDomain);
    }

    @Override
    public Optional<Invitation> findById(WorkspaceId workspaceId, InvitationId id) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findById(workspaceId.value(), id.value())))
                .map(InvitationRow::toDomain);
    }

    @Override
    public Optional<Invitation> findPending(WorkspaceId workspaceId, Email email, Instant now) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findPending(workspaceId.value(), email.value(),
                now))).map(InvitationRow::toDomain);
    }

    @Override
    public List<Invitation> listPending(WorkspaceId workspaceId, Instant now, InvitationId afterId, int limit) {
        return StoreFailures.guard(() -> mapper.listPending(workspaceId.value(), now,
                afterId == null ? null : afterId.value(), limit)).stream().map(InvitationRow::toDomain).toList();
    }

    @Override
    public long countPending(WorkspaceId workspaceId, Instant now) {
        return StoreFailures.guard(() -> mapper.countPending(workspaceId.value(), now));
    }

    @Override
    public boolean markAccepted(InvitationId id, Instant now) {
        return StoreFailures.guard(() -> mapper.markAccepted(id.value(), now)) > 0;
    }

    @Override
    public boolean revoke(WorkspaceId workspaceId, InvitationId id, Instant now) {
        return StoreFailures.guard(() -> mapper.revoke(workspaceId.value(), id.value(), now)) > 0;
    }
}
