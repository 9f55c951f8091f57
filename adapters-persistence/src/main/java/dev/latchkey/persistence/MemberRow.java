package dev.latchkey.persistence;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Member;

import java.time.Instant;

/** A membership joined with the member's email. */
public record MemberRow(String workspaceId, String userId, String role, Instant joinedAt, String email) {

    Member toDomain() {
        return new Member(new MembershipRow(workspaceId, userId, role, joinedAt).toDomain(), new Email(email));
    }
}
