package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * An invitation to join a workspace with a role, for one email address. Its link carries a single-use token of which
 * only the hash ({@code tokenHash}) is kept; it can be accepted once, by a signed-in user with that email, until
 * {@code expiresAt}; an admin may revoke it before. {@code acceptedAt} and {@code revokedAt} are null until then.
 */
public record Invitation(InvitationId id, WorkspaceId workspaceId, Email email, Role role, String tokenHash,
                         UserId invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt,
                         Instant revokedAt) {

    /** How long an invitation can be accepted. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(7);

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (tokenHash.length() != 64) {
            throw new IllegalArgumentException("a token hash is 64 hex characters");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an invitation expires after it is made");
        }
    }

    /** A new invitation and its token, to be shown (and mailed) once. Times are kept to the millisecond. */
    public static Issued issue(WorkspaceId workspaceId, Email email, Role role, UserId invitedBy, Instant now,
                               Duration ttl, RandomGenerator random) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("an invitation's lifetime is positive");
        }
        InvitationToken token = InvitationToken.generate(random);
        Instant created = now.truncatedTo(ChronoUnit.MILLIS);
        Invitation invitation = new Invitation(InvitationId.newId(), workspaceId, email, role, token.hash(),
                invitedBy, created, created.plus(ttl), null, null);
        return new Issued(invitation, token);
    }

    public InvitationStatus status(Instant now) {
        if (acceptedAt != null) {
            return InvitationStatus.ACCEPTED;
        }
        if (revokedAt != null) {
            return InvitationStatus.REVOKED;
        }
        return now.isBefore(expiresAt) ? InvitationStatus.PENDING : InvitationStatus.EXPIRED;
    }

    public boolean isPending(Instant now) {
        return status(now) == InvitationStatus.PENDING;
    }

    /**
     * Whether the signed-in user with {@code email} may accept this invitation now. Someone else learns nothing more
     * about it than that it is not theirs.
     */
    public MembershipRules.Decision acceptableBy(Email signedIn, Instant now) {
        if (!email.equals(signedIn)) {
            return new MembershipRules.Decision.Denied(ErrorCode.ROLE_FORBIDDEN, "this invitation is for another "
                    + "email address; sign in as the invited user to accept it");
        }
        return switch (status(now)) {
            case PENDING -> MembershipRules.ALLOWED;
            case ACCEPTED -> new MembershipRules.Decision.Denied(ErrorCode.CONFLICT,
                    "this invitation was already accepted; an invitation can be used once");
            case REVOKED -> new MembershipRules.Decision.Denied(ErrorCode.CONFLICT,
                    "this invitation was revoked; ask an admin of the workspace for a new one");
            case EXPIRED -> new MembershipRules.Decision.Denied(ErrorCode.CONFLICT,
                    "this invitation expired at " + expiresAt + "; ask an admin of the workspace for a new one");
        };
    }

    public Invitation accept(Instant now) {
        if (!isPending(now)) {
            throw new IllegalStateException("only a pending invitation can be accepted");
        }
        return new Invitation(id, workspaceId, email, role, tokenHash, invitedBy, createdAt, expiresAt,
                now.truncatedTo(ChronoUnit.MILLIS), null);
    }

    public Invitation revoke(Instant now) {
        if (acceptedAt != null || revokedAt != null) {
            throw new IllegalStateException("an accepted or revoked invitation cannot be revoked");
        }
        return new Invitation(id, workspaceId, email, role, tokenHash, invitedBy, createdAt, expiresAt, null,
                now.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A new invitation with its token: the token is in no other object. */
    public record Issued(Invitation invitation, InvitationToken token) {
        public Issued {
            Objects.requireNonNull(invitation, "invitation");
            Objects.requireNonNull(token, "token");
            if (!token.hash().equals(invitation.tokenHash())) {
                throw new IllegalArgumentException("the token does not belong to the invitation");
            }
        }
    }
}
