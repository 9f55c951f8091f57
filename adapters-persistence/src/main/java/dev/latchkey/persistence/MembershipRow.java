package dev.latchkey.persistence;

import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;

public record MembershipRow(String workspaceId, String userId, String role, Instant joinedAt) {

    static MembershipRow from(Membership membership) {
        return new MembershipRow(membership.workspaceId().value(), membership.userId().value(),
                membership.role().name(), membership.joinedAt());
    }

    Membership toDomain() {
        return new Membership(new WorkspaceId(workspaceId), new UserId(userId), Role.valueOf(role), joinedAt);
    }
}
