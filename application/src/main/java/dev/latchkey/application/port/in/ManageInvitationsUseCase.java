package dev.latchkey.application.port.in;

import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.InvitationToken;
import dev.latchkey.domain.workspace.Role;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Inviting people into the caller's workspace by email (user tokens only). An invitation carries a single-use token,
 * shown once to the inviting OWNER/ADMIN in a link and mailed to the invitee; it expires after seven days. Members and
 * pending invitations together count against the plan's member limit ({@code plan_required}). The invitee accepts
 * with their own user token, signed in with the invited email: a new user registers first (which also gives them a
 * workspace of their own), then accepts.
 */
public interface ManageInvitationsUseCase {

    /** Invites {@code command.email()} as {@code command.role()} ({@code member.invited}); then mails the link. */
    CreatedInvitation invite(Caller.UserCaller caller, InviteCommand command);

    /** The workspace's pending invitations, newest first; {@code cursor}: the id of the last one of the previous page. */
    InvitationPage list(Caller.UserCaller caller, PageRequest page);

    /** Revokes a pending invitation: its link stops working. Revoking a revoked invitation changes nothing. */
    void revoke(Caller.UserCaller caller, InvitationId id);

    /**
     * The caller (signed in with the invited email) joins the invitation's workspace with its role
     * ({@code member.joined}). An unknown token is {@code not_found}; one for another email {@code role_forbidden};
     * one already accepted, revoked or expired, or a caller who is already a member, {@code conflict}.
     */
    WorkspaceMembership accept(AccountCaller caller, String token);

    /**
     * What an invitation link offers the signed-in caller, for the page that asks whether to join: the workspace's
     * name, the role, the invited email, and whether {@link #accept} would take it now ({@code refusal} empty) or why
     * not (the code and message {@code accept} would answer: another email, already used, revoked, expired). An
     * unknown token is {@code not_found}. Changes nothing.
     */
    InvitationPreview preview(AccountCaller caller, String token);

    record InvitationPreview(InvitationId id, String workspaceName, Role role, Email email, Instant expiresAt,
                             Optional<DomainException> refusal) {
    }

    record InviteCommand(Email email, Role role) {

        public InviteCommand {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(role, "role");
        }

        /** From the request's raw fields, every invalid field reported at once. */
        public static InviteCommand parse(String email, String role) {
            ValidationException.Collector errors = new ValidationException.Collector();
            errors.check(Email.isValid(email), "email", "must be an email address");
            Optional<Role> parsed = Role.parse(role);
            errors.check(parsed.isPresent(), "role", "must be OWNER, ADMIN or MEMBER");
            errors.throwIfAny();
            return new InviteCommand(new Email(email), parsed.orElseThrow());
        }
    }

    /** A new invitation with its token and link: the only time either is shown. */
    record CreatedInvitation(Invitation invitation, InvitationToken token, String url) {
        @Override
        public String toString() {
            return "CreatedInvitation[invitation=" + invitation + ", token=redacted, url=redacted]";
        }
    }

    record InvitationPage(List<Invitation> invitations, boolean hasMore, String nextCursor) {
        public InvitationPage {
            invitations = List.copyOf(invitations);
        }
    }
}
