package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

import java.util.Objects;

/**
 * Who may change which membership (PRODUCT.md §1): an OWNER may do everything; an ADMIN manages members except
 * owners (never demotes or removes an owner, never makes anyone an owner); a MEMBER changes nothing, except that every
 * member may leave. Whatever the roles, a workspace never loses its last owner. Each rule answers with a
 * {@link Decision}; {@code owners} is how many owners the workspace has now.
 */
public final class MembershipRules {

    static final String MEMBER_CANNOT_WRITE = "your role MEMBER cannot change members or invitations; ask an admin "
            + "or owner";
    static final String ADMIN_CANNOT_TOUCH_OWNERS = "an admin cannot change or remove an owner; ask an owner";
    static final String ONLY_OWNERS_MAKE_OWNERS = "only an owner can make someone an owner";
    static final String LAST_OWNER = "a workspace always keeps at least one owner: make another member an owner "
            + "(or transfer ownership) first";

    private MembershipRules() {
    }

    /** The answer of a rule: allowed, or denied with the code and the message for the user. */
    public sealed interface Decision {

        boolean allowed();

        /** Throws the denial as a {@link DomainException}; does nothing when allowed. */
        default void orThrow() {
            if (this instanceof Denied denied) {
                throw new DomainException(denied.code(), denied.reason());
            }
        }

        record Allowed() implements Decision {
            @Override
            public boolean allowed() {
                return true;
            }
        }

        /** {@code code}: {@code role_forbidden} (the role does not allow it) or {@code conflict} (the last owner). */
        record Denied(ErrorCode code, String reason) implements Decision {
            public Denied {
                Objects.requireNonNull(code, "code");
                Objects.requireNonNull(reason, "reason");
            }

            @Override
            public boolean allowed() {
                return false;
            }
        }
    }

    public static final Decision ALLOWED = new Decision.Allowed();

    /** Whether a member of role {@code actor} may change members at all (invite, change a role, remove another). */
    public static Decision manage(Role actor) {
        return actor.canManageMembers() ? ALLOWED : forbidden(MEMBER_CANNOT_WRITE);
    }

    /** Inviting someone as {@code invited}. */
    public static Decision invite(Role actor, Role invited) {
        if (!actor.canManageMembers()) {
            return forbidden(MEMBER_CANNOT_WRITE);
        }
        if (invited == Role.OWNER && actor != Role.OWNER) {
            return forbidden(ONLY_OWNERS_MAKE_OWNERS);
        }
        return ALLOWED;
    }

    /** Revoking a pending invitation as {@code invited}: an admin may not revoke an owner's invitation. */
    public static Decision revokeInvitation(Role actor, Role invited) {
        if (!actor.canManageMembers()) {
            return forbidden(MEMBER_CANNOT_WRITE);
        }
        if (invited == Role.OWNER && actor != Role.OWNER) {
            return forbidden("an admin cannot revoke an invitation to become an owner; ask an owner");
        }
        return ALLOWED;
    }

    /** {@code actor} gives {@code target} (perhaps themselves) the role {@code role}. */
    public static Decision changeRole(Membership actor, Membership target, Role role, long owners) {
        sameWorkspace(actor, target);
        if (!actor.role().canManageMembers()) {
            return forbidden(MEMBER_CANNOT_WRITE);
        }
        if (actor.role() != Role.OWNER) {
            if (target.role() == Role.OWNER) {
                return forbidden(ADMIN_CANNOT_TOUCH_OWNERS);
            }
            if (role == Role.OWNER) {
                return forbidden(ONLY_OWNERS_MAKE_OWNERS);
            }
        }
        if (target.role() == Role.OWNER && role != Role.OWNER && owners <= 1) {
            return conflict(LAST_OWNER);
        }
        return ALLOWED;
    }

    /** {@code actor} removes {@code target}; a member removing themselves leaves the workspace. */
    public static Decision remove(Membership actor, Membership target, long owners) {
        sameWorkspace(actor, target);
        boolean leaving = actor.userId().equals(target.userId());
        if (!leaving) {
            if (!actor.role().canManageMembers()) {
                return forbidden(MEMBER_CANNOT_WRITE);
            }
            if (actor.role() != Role.OWNER && target.role() == Role.OWNER) {
                return forbidden(ADMIN_CANNOT_TOUCH_OWNERS);
            }
        }
        if (target.role() == Role.OWNER && owners <= 1) {
            return conflict(leaving ? "you are the last owner of this workspace: make another member an owner "
                    + "(or transfer ownership) before you leave" : LAST_OWNER);
        }
        return ALLOWED;
    }

    /** {@code actor} hands ownership to {@code target}, who becomes an owner while the actor becomes an admin. */
    public static Decision transfer(Membership actor, Membership target) {
        sameWorkspace(actor, target);
        if (actor.role() != Role.OWNER) {
            return forbidden("only an owner can transfer ownership");
        }
        if (actor.userId().equals(target.userId())) {
            return conflict("you already own this workspace; transfer ownership to another member");
        }
        return ALLOWED;
    }

    private static void sameWorkspace(Membership actor, Membership target) {
        if (!actor.workspaceId().equals(target.workspaceId())) {
            throw new IllegalArgumentException("the actor and the target are members of different workspaces");
        }
    }

    private static Decision forbidden(String reason) {
        return new Decision.Denied(ErrorCode.ROLE_FORBIDDEN, reason);
    }

    private static Decision conflict(String reason) {
        return new Decision.Denied(ErrorCode.CONFLICT, reason);
    }
}
