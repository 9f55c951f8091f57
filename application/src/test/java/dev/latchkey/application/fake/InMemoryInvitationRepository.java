package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Invitations in memory, behaving like the SQL adapter (see InvitationRepositoryContract). */
public final class InMemoryInvitationRepository implements InvitationRepository {

    private static final Comparator<Invitation> NEWEST_FIRST = Comparator.comparing(Invitation::createdAt)
            .thenComparing(invitation -> invitation.id().value()).reversed();

    private final List<Invitation> invitations = new ArrayList<>();

    @Override
    public synchronized void add(Invitation invitation) {
        if (invitations.stream().anyMatch(held -> held.id().equals(invitation.id())
                || held.tokenHash().equals(invitation.tokenHash()))) {
            throw new IllegalStateException("duplicate invitation id or token");
        }
        invitations.add(invitation);
    }

    @Override
    public synchronized Optional<Invitation> findByTokenHash(String tokenHash) {
        return invitations.stream().filter(invitation -> invitation.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public synchronized Optional<Invitation> findById(WorkspaceId workspaceId, InvitationId id) {
        return invitations.stream()
                .filter(invitation -> invitation.id().equals(id) && invitation.workspaceId().equals(workspaceId))
                .findFirst();
    }

    @Override
    public synchronized Optional<Invitation> findPending(WorkspaceId workspaceId, Email email, Instant now) {
        return pending(workspaceId, now).stream().filter(invitation -> invitation.email().equals(email)).findFirst();
    }

    @Override
    public synchronized List<Invitation> listPending(WorkspaceId workspaceId, Instant now, InvitationId afterId,
                                                     int limit) {
        List<Invitation> ordered = pending(workspaceId, now);
        int from = 0;
        if (afterId != null) {
            Optional<Invitation> cursor = findById(workspaceId, afterId);
            if (cursor.isEmpty()) {
                return List.of();
            }
            from = (int) ordered.stream().takeWhile(i -> NEWEST_FIRST.compare(i, cursor.get()) <= 0).count();
        }
        return List.copyOf(ordered.subList(from, Math.min(ordered.size(), from + limit)));
    }

    @Override
    public synchronized long countPending(WorkspaceId workspaceId, Instant now) {
        return pending(workspaceId, now).size();
    }

    @Override
    public synchronized boolean markAccepted(InvitationId id, Instant now) {
        for (int i = 0; i < invitations.size(); i++) {
            Invitation held = invitations.get(i);
            if (held.id().equals(id)) {
                if (!held.isPending(now)) {
                    return false;
                }
                invitations.set(i, held.accept(now));
                return true;
            }
        }
        return false;
    }

    @Override
    public synchronized boolean revoke(WorkspaceId workspaceId, InvitationId id, Instant now) {
        for (int i = 0; i < invitations.size(); i++) {
            Invitation held = invitations.get(i);
            if (held.id().equals(id) && held.workspaceId().equals(workspaceId)) {
                if (held.acceptedAt() != null || held.revokedAt() != null) {
                    return false;
                }
                invitations.set(i, held.revoke(now));
                return true;
            }
        }
        return false;
    }

    private List<Invitation> pending(WorkspaceId workspaceId, Instant now) {
        return invitations.stream()
                .filter(invitation -> invitation.workspaceId().equals(workspaceId) && invitation.isPending(now))
                .sorted(NEWEST_FIRST).toList();
    }

    public synchronized List<Invitation> all() {
        return List.copyOf(invitations);
    }
}
