package dev.latchkey.application.port.in;

import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.user.UserId;

import java.util.Objects;

/**
 * A signed-in user acting on their own account rather than in a workspace: starting a workspace or joining one by
 * invitation. A user who belongs to no workspace (they left, or were removed from, every one) can still do both.
 */
public record AccountCaller(UserId userId, String email, String clientAddress) {

    public AccountCaller {
        Objects.requireNonNull(userId, "userId");
    }

    /** Who the audit log names for this caller's changes. */
    public AuditActor actor() {
        return new AuditActor(AuditActor.Type.USER, userId.value(), email == null ? userId.value() : email);
    }
}
