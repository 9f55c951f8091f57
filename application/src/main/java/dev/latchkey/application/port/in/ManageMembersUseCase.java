package dev.latchkey.application.port.in;

import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Role;

import java.util.List;

/**
 * The members of the caller's workspace (user tokens only; PRODUCT.md §1, §12). Every member reads the list; OWNER and
 * ADMIN change roles and remove members, an ADMIN never an owner and never making one; a MEMBER changes nothing but
 * may leave; a workspace never loses its last OWNER ({@code conflict}). A user who is no member of the caller's
 * workspace is {@code not_found}. Each change is recorded in the audit log in its transaction.
 */
public interface ManageMembersUseCase {

    /** In the order they joined; {@code cursor}: the user id of the last member of the previous page. */
    MemberPage list(Caller.UserCaller caller, PageRequest page);

    /** One member of the caller's workspace; a user who is no member of it is {@code not_found}. */
    Member get(Caller.UserCaller caller, UserId userId);

    /** Gives a member another role ({@code member.role_changed}); the same role changes nothing. */
    Member changeRole(Caller.UserCaller caller, UserId userId, Role role);

    /** Removes a member, or the caller themselves (leaving); {@code member.removed}. */
    void remove(Caller.UserCaller caller, UserId userId);

    /**
     * OWNER only: {@code userId} becomes an OWNER and the caller an ADMIN
     * ({@code workspace.ownership_transferred}).
     */
    Transfer transferOwnership(Caller.UserCaller caller, UserId userId);

    /** {@code owners}: how many OWNERs the whole workspace has (not only this page), for the last-owner rule. */
    record MemberPage(List<Member> members, boolean hasMore, String nextCursor, long owners) {
        public MemberPage {
            members = List.copyOf(members);
        }
    }

    /** The members after a transfer: the new owner and the caller, now an admin. */
    record Transfer(Member owner, Member previousOwner) {
    }
}
