package dev.latchkey.application.port.out;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invitations to join a workspace. Only the hash of an invitation's token is stored; "pending" at {@code now} means
 * neither accepted nor revoked, and not expired ({@code expiresAt} after {@code now}).
 */
public interface InvitationRepository {

    void add(Invitation invitation);

    /** The invitation whose token has this SHA-256 (hex), in any state. */
    Optional<Invitation> findByTokenHash(String tokenHash);

    /** An invitation of this workspace, in any state; one of another workspace is not found. */
    Optional<Invitation> findById(WorkspaceId workspaceId, InvitationId id);

    /** The pending invitation of the workspace for this email, if any. */
    Optional<Invitation> findPending(WorkspaceId workspaceId, Email email, Instant now);

    /**
     * Up to {@code limit} pending invitations of the workspace, newest first (ties by id, descending), strictly after
     * the invitation {@code afterId} (null: from the newest); a cursor of another workspace matches nothing.
     */
    List<Invitation> listPending(WorkspaceId workspaceId, Instant now, InvitationId afterId, int limit);

    long countPending(WorkspaceId workspaceId, Instant now);

    /**
     * Marks a pending invitation accepted at {@code now}; false when it is no longer pending (accepted or revoked by
     * another request a moment ago, or expired): of two concurrent acceptances, one wins.
     */
    boolean markAccepted(InvitationId id, Instant now);

    /** Marks an invitation that is neither accepted nor revoked as revoked; false otherwise. */
    boolean revoke(WorkspaceId workspaceId, InvitationId id, Instant now);
}
