package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-12-01T11:00:00.123456Z");
    private static final Email INVITEE = new Email("New.Person@Example.com");
    private final SplittableRandom random = new SplittableRandom(7);

    private Invitation.Issued issue() {
        return Invitation.issue(WorkspaceId.newId(), INVITEE, Role.ADMIN, UserId.newId(), NOW, Invitation.DEFAULT_TTL,
                random);
    }

    private static ErrorCode deniedCode(MembershipRules.Decision decision) {
        return ((MembershipRules.Decision.Denied) decision).code();
    }

    @Test
    void aNewInvitationIsPendingForSevenDaysAndKeepsOnlyTheTokensHash() {
        Invitation.Issued issued = issue();
        Invitation invitation = issued.invitation();

        assertThat(invitation.id().value()).startsWith("inv_");
        assertThat(invitation.createdAt()).isEqualTo(Instant.parse("2026-12-01T11:00:00.123Z"));
        assertThat(invitation.expiresAt()).isEqualTo(invitation.createdAt().plus(Duration.ofDays(7)));
        assertThat(invitation.status(NOW)).isEqualTo(InvitationStatus.PENDING);
        assertThat(issued.token().reveal()).matches("lkinv_[0-9A-Za-z]{40}");
        assertThat(invitation.tokenHash()).hasSize(64).isEqualTo(issued.token().hash())
                .isNotEqualTo(issued.token().reveal());
        assertThat(invitation.toString()).doesNotContain(issued.token().reveal());
        assertThat(issued.token().toString()).doesNotContain(issued.token().reveal());
        assertThat(issue().token()).as("random").isNotEqualTo(issued.token());
    }

    @Test
    void onlyTheInviteeAcceptsAndOnlyWhilePending() {
        Invitation invitation = issue().invitation();

        assertThat(invitation.acceptableBy(new Email("new.person@example.com"), NOW).allowed()).isTrue();
        assertThat(deniedCode(invitation.acceptableBy(new Email("someone@example.com"), NOW)))
                .isEqualTo(ErrorCode.ROLE_FORBIDDEN);
        Instant expiry = invitation.expiresAt();
        assertThat(invitation.acceptableBy(INVITEE, expiry.minusMillis(1)).allowed()).isTrue();
        assertThat(deniedCode(invitation.acceptableBy(INVITEE, expiry))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(invitation.status(expiry)).isEqualTo(InvitationStatus.EXPIRED);

        Invitation accepted = invitation.accept(NOW.plusSeconds(60));
        assertThat(accepted.status(NOW.plusSeconds(61))).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(deniedCode(accepted.acceptableBy(INVITEE, NOW.plusSeconds(61)))).isEqualTo(ErrorCode.CONFLICT);
        assertThatThrownBy(() -> accepted.accept(NOW.plusSeconds(62))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> accepted.revoke(NOW.plusSeconds(62))).isInstanceOf(IllegalStateException.class);

        Invitation revoked = invitation.revoke(NOW.plusSeconds(5));
        assertThat(revoked.status(NOW.plusSeconds(6))).isEqualTo(InvitationStatus.REVOKED);
        assertThat(deniedCode(revoked.acceptableBy(INVITEE, NOW.plusSeconds(6)))).isEqualTo(ErrorCode.CONFLICT);
        assertThat(((MembershipRules.Decision.Denied) revoked.acceptableBy(new Email("x@example.com"), NOW))
                .code()).as("another user learns only that it is not theirs").isEqualTo(ErrorCode.ROLE_FORBIDDEN);
    }

    @Test
    void tokensAreRecognisedByShapeWithoutALookup() {
        String token = issue().token().reveal();

        assertThat(InvitationToken.isWellFormed(token)).isTrue();
        assertThat(InvitationToken.of(token).hash()).isEqualTo(InvitationToken.of(token).hash());
        assertThat(InvitationToken.isWellFormed(token.substring(1))).isFalse();
        assertThat(InvitationToken.isWellFormed(token.substring(0, token.length() - 1) + "-")).isFalse();
        assertThat(InvitationToken.isWellFormed("sk_live_" + token.substring(6))).isFalse();
        assertThat(InvitationToken.isWellFormed(null)).isFalse();
        assertThatThrownBy(() -> InvitationToken.of("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("nope");
    }

    @Test
    void anInvitationWithoutLifetimeOrAForeignTokenIsRefused() {
        assertThatThrownBy(() -> Invitation.issue(WorkspaceId.newId(), INVITEE, Role.MEMBER, UserId.newId(), NOW,
                Duration.ZERO, random)).isInstanceOf(IllegalArgumentException.class);
        Invitation.Issued one = issue();
        Invitation.Issued other = issue();
        assertThatThrownBy(() -> new Invitation.Issued(one.invitation(), other.token()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
