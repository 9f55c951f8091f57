package dev.latchkey.application.port.out.contract;

import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link InvitationRepository} does; run by the in-memory fake and by the MyBatis adapter. */
public abstract class InvitationRepositoryContract {

    protected static final Instant T0 = Instant.parse("2026-12-01T11:00:00Z");
    private final SplittableRandom random = new SplittableRandom();

    protected abstract InvitationRepository invitations();

    protected abstract Transactions transactions();

    /** A new workspace, stored wherever the repository needs it to be. */
    protected abstract WorkspaceId newWorkspace();

    /** A user who may invite (invitations name their inviter). */
    protected abstract UserId newUser();

    private Invitation invite(WorkspaceId workspace, Email email, Instant at) {
        Invitation invitation = Invitation.issue(workspace, email, Role.MEMBER, newUser(), at, Invitation.DEFAULT_TTL,
                random).invitation();
        transactions().inTransaction(() -> {
            invitations().add(invitation);
            return null;
        });
        return invitation;
    }

    private static Email email(String name) {
        return new Email(name + "-" + UUID.randomUUID() + "@example.com");
    }

    @Test
    void anInvitationRoundTripsByTokenHashAndById() {
        WorkspaceId workspace = newWorkspace();
        Invitation.Issued issued = Invitation.issue(workspace, email("new"), Role.ADMIN, newUser(), T0,
                Duration.ofDays(7), random);
        invitations().add(issued.invitation());

        assertThat(invitations().findByTokenHash(issued.token().hash())).contains(issued.invitation());
        assertThat(invitations().findById(workspace, issued.invitation().id())).contains(issued.invitation());
        assertThat(invitations().findById(newWorkspace(), issued.invitation().id())).as("another workspace").isEmpty();
        assertThat(invitations().findByTokenHash("0".repeat(64))).isEmpty();
    }

    @Test
    void onlyPendingInvitationsAreFoundListedAndCounted() {
        WorkspaceId workspace = newWorkspace();
        Email email = email("pending");
        Invitation pending = invite(workspace, email, T0);
        Invitation accepted = invite(workspace, email("accepted"), T0.plusSeconds(1));
        Invitation revoked = invite(workspace, email("revoked"), T0.plusSeconds(2));
        Invitation expired = invite(workspace, email("expired"), T0.minus(Duration.ofDays(8)));
        invite(newWorkspace(), email, T0);
        Instant now = T0.plusSeconds(10);
        assertThat(invitations().markAccepted(accepted.id(), now)).isTrue();
        assertThat(invitations().revoke(workspace, revoked.id(), now)).isTrue();

        assertThat(invitations().countPending(workspace, now)).isOne();
        assertThat(invitations().listPending(workspace, now, null, 10)).containsExactly(pending);
        assertThat(invitations().findPending(workspace, email, now)).contains(pending);
        assertThat(invitations().findPending(workspace, expired.email(), now)).isEmpty();
        assertThat(invitations().findById(workspace, accepted.id()).orElseThrow().acceptedAt()).isEqualTo(now);
        assertThat(invitations().findById(workspace, revoked.id()).orElseThrow().revokedAt()).isEqualTo(now);
        assertThat(invitations().countPending(workspace, pending.expiresAt())).as("expired at its expiry").isZero();
    }

    @Test
    void pendingInvitationsComeNewestFirstAPageAtATime() {
        WorkspaceId workspace = newWorkspace();
        List<Invitation> added = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            added.add(invite(workspace, email("page" + i), T0.plusSeconds(i / 2)));
        }
        Instant now = T0.plusSeconds(10);
        List<Invitation> all = invitations().listPending(workspace, now, null, 10);
        assertThat(all).containsExactlyInAnyOrderElementsOf(added);
        assertThat(all).extracting(Invitation::createdAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        List<Invitation> first = invitations().listPending(workspace, now, null, 2);
        List<Invitation> second = invitations().listPending(workspace, now, first.getLast().id(), 2);
        List<Invitation> last = invitations().listPending(workspace, now, second.getLast().id(), 2);
        assertThat(first).containsExactlyElementsOf(all.subList(0, 2));
        assertThat(second).containsExactlyElementsOf(all.subList(2, 4));
        assertThat(last).containsExactlyElementsOf(all.subList(4, 5));
        assertThat(invitations().listPending(workspace, now, InvitationId.newId(), 10)).isEmpty();
    }

    @Test
    void anInvitationIsAcceptedOnceAndNeverAfterRevocationOrExpiry() {
        WorkspaceId workspace = newWorkspace();
        Invitation once = invite(workspace, email("once"), T0);
        Invitation revoked = invite(workspace, email("revoked"), T0);
        Invitation expired = invite(workspace, email("late"), T0);
        Instant now = T0.plusSeconds(5);

        assertThat(invitations().markAccepted(once.id(), now)).isTrue();
        assertThat(invitations().markAccepted(once.id(), now.plusSeconds(1))).isFalse();
        assertThat(invitations().revoke(workspace, once.id(), now)).as("accepted").isFalse();
        assertThat(invitations().revoke(workspace, revoked.id(), now)).isTrue();
        assertThat(invitations().revoke(workspace, revoked.id(), now)).as("again").isFalse();
        assertThat(invitations().markAccepted(revoked.id(), now)).isFalse();
        assertThat(invitations().markAccepted(expired.id(), expired.expiresAt())).isFalse();
        assertThat(invitations().revoke(newWorkspace(), expired.id(), now)).as("another workspace").isFalse();
        assertThat(invitations().markAccepted(InvitationId.newId(), now)).isFalse();
    }
}
