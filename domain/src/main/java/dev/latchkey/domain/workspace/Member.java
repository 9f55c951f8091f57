package dev.latchkey.domain.workspace;

import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;

import java.time.Instant;
import java.util.Objects;

/** A membership with the member's email, as a workspace's member list shows it. */
public record Member(Membership membership, Email email) {

    public Member {
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(email, "email");
    }

    public UserId userId() {
        return membership.userId();
    }

    public Role role() {
        return membership.role();
    }

    public Instant joinedAt() {
        return membership.joinedAt();
    }

    /** This member with another role. */
    public Member withRole(Role role) {
        return new Member(new Membership(membership.workspaceId(), membership.userId(), role, membership.joinedAt()),
                email);
    }
}
