package dev.latchkey.application.port.out;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.Role;

import java.time.Instant;
import java.util.Objects;

/**
 * Sends mail to users. Called after the change it announces has committed; a failure to send must not undo it (the
 * inviting admin also got the link), so adapters report failures in the log and never throw.
 */
public interface MailPort {

    void sendInvitation(InvitationMail mail);

    /**
     * An invitation to {@code to}: join {@code workspaceName} as {@code role}, invited by {@code invitedBy} (an
     * email), through {@code url} (which holds the invitation's secret token: adapters put it in the mail and nowhere
     * else, never in a log) until {@code expiresAt}.
     */
    record InvitationMail(InvitationId invitationId, Email to, String workspaceName, String invitedBy, Role role,
                          String url, Instant expiresAt) {

        public InvitationMail {
            Objects.requireNonNull(invitationId, "invitationId");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(workspaceName, "workspaceName");
            Objects.requireNonNull(invitedBy, "invitedBy");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "InvitationMail[invitationId=" + invitationId + ", to=" + to + ", workspaceName=" + workspaceName
                    + ", invitedBy=" + invitedBy + ", role=" + role + ", url=redacted, expiresAt=" + expiresAt + "]";
        }
    }
}
