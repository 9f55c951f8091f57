package dev.latchkey.application.service.member;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.CreatedInvitation;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.InviteCommand;
import dev.latchkey.application.port.out.MailPort;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.InvitationToken;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InvitationServiceTest {

    private final TenancyFixture f = new TenancyFixture();
    private final InvitationService service = new InvitationService(f.workspaces, f.invitations, f.users,
            f.transactions, Plans.defaults(), f.trail, f.mail, f.clock, new SplittableRandom(3),
            "https://latchkey.example.com/", Invitation.DEFAULT_TTL);
    private final Workspace acme = f.workspace(Plan.PRO);
    private final Caller.UserCaller owner = f.member(acme, Role.OWNER);
    private final Caller.UserCaller admin = f.member(acme, Role.ADMIN);
    private final Caller.UserCaller member = f.member(acme, Role.MEMBER);
    private final User invitee = f.user("invitee");

    private CreatedInvitation invite(Caller.UserCaller by, User user, Role role) {
        return service.invite(by, new InviteCommand(user.email(), role));
    }

    /** The invitee, signed in, acting in a workspace of their own. */
    private Caller.UserCaller signedIn(User user) {
        Workspace own = f.workspace(Plan.FREE);
        f.workspaces.addMember(new dev.latchkey.domain.workspace.Membership(own.id(), user.id(), Role.OWNER,
                TenancyFixture.T0));
        return TenancyFixture.caller(user, own, Role.OWNER);
    }

    @Test
    void anAdminInvitesTheLinkIsShownAndMailedAndOnlyTheHashIsKept() {
        CreatedInvitation created = invite(admin, invitee, Role.MEMBER);

        String token = created.token().reveal();
        assertThat(created.url()).isEqualTo("https://latchkey.example.com/invitations/" + token);
        assertThat(created.invitation().expiresAt()).isEqualTo(TenancyFixture.T0.plus(Duration.ofDays(7)));
        assertThat(f.invitations.all()).singleElement().satisfies(stored -> {
            assertThat(stored.tokenHash()).isEqualTo(created.token().hash());
            assertThat(stored.toString()).doesNotContain(token);
        });
        MailPort.InvitationMail mail = f.mail.sent().getFirst();
        assertThat(mail.to()).isEqualTo(invitee.email());
        assertThat(mail.url()).isEqualTo(created.url());
        assertThat(mail.workspaceName()).isEqualTo("Acme");
        assertThat(mail.invitedBy()).isEqualTo(admin.email());
        assertThat(mail.toString()).doesNotContain(token);
        AuditEvent event = f.audit.all().getLast();
        assertThat(event.action()).isEqualTo(AuditAction.MEMBER_INVITED);
        assertThat(event.target().type()).isEqualTo("invitation");
        assertThat(event.details()).containsEntry("email", invitee.email().value()).containsEntry("role", "MEMBER")
                .doesNotContainValue(token);
        assertThat(event.details().toString()).doesNotContain(token);
        assertThat(created.toString()).doesNotContain(token);
    }

    @Test
    void onlyOwnersInviteOwnersAndMembersInviteNobody() {
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> invite(admin, invitee, Role.OWNER));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> invite(member, invitee, Role.MEMBER));
        assertThat(invite(owner, invitee, Role.OWNER).invitation().role()).isEqualTo(Role.OWNER);
    }

    @Test
    void aMemberOrAPendingInviteeIsNotInvitedTwice() {
        User existing = f.users.findById(member.userId()).orElseThrow();
        f.refused(ErrorCode.CONFLICT, () -> invite(owner, existing, Role.ADMIN));
        CreatedInvitation first = invite(owner, invitee, Role.MEMBER);
        DomainException again = f.refused(ErrorCode.CONFLICT, () -> invite(admin, invitee, Role.ADMIN));
        assertThat(again.getMessage()).contains(first.invitation().id().value());

        f.clock.advance(Duration.ofDays(8)); // expired: a new invitation may be sent
        assertThat(invite(admin, invitee, Role.ADMIN).invitation().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void membersAndPendingInvitationsCountAgainstThePlan() {
        Workspace free = f.workspace(Plan.FREE);
        Caller.UserCaller freeOwner = f.member(free, Role.OWNER);
        f.member(free, Role.MEMBER);
        invite(freeOwner, invitee, Role.MEMBER); // 2 members + 1 invitation: the FREE plan's 3

        DomainException e = f.refused(ErrorCode.PLAN_REQUIRED, () -> invite(freeOwner, f.user("fourth"), Role.MEMBER));
        assertThat(e.getMessage()).isEqualTo("The free plan allows 3 members. Upgrade to Pro, Scale or Enterprise.");
    }

    @Test
    void theInviteeAcceptsOnceAndJoinsWithTheRole() {
        CreatedInvitation created = invite(admin, invitee, Role.ADMIN);
        Caller.UserCaller signedIn = signedIn(invitee);
        f.clock.advance(Duration.ofHours(1));

        WorkspaceMembership joined = service.accept(signedIn.account(), created.token().reveal());

        assertThat(joined.workspace().id()).isEqualTo(acme.id());
        assertThat(joined.role()).isEqualTo(Role.ADMIN);
        assertThat(f.workspaces.findMembership(acme.id(), invitee.id())).hasValueSatisfying(
                m -> assertThat(m.role()).isEqualTo(Role.ADMIN));
        AuditEvent event = f.audit.all().getLast();
        assertThat(event.action()).isEqualTo(AuditAction.MEMBER_JOINED);
        assertThat(event.workspaceId()).isEqualTo(acme.id());
        assertThat(event.actor().id()).isEqualTo(invitee.id().value());
        assertThat(event.details()).containsEntry("invitationId", created.invitation().id().value());
        assertThat(service.list(owner, PageRequest.first()).invitations()).isEmpty();

        DomainException twice = f.refused(ErrorCode.CONFLICT, () -> service.accept(signedIn.account(), created.token().reveal()));
        assertThat(twice.getMessage()).contains("already accepted");
    }

    @Test
    void aUserInNoWorkspaceAtAllStillJoinsByInvitation() {
        CreatedInvitation created = invite(owner, invitee, Role.MEMBER);

        WorkspaceMembership joined = service.accept(new AccountCaller(invitee.id(), invitee.email().value(), null),
                created.token().reveal());

        assertThat(joined.workspace().id()).isEqualTo(acme.id());
        assertThat(f.workspaces.membershipsOf(invitee.id())).extracting(m -> m.workspaceId()).containsExactly(acme.id());
    }

    @Test
    void theLinkPreviewsTheWorkspaceTheRoleAndWhetherItCanBeAcceptedWithoutChangingAnything() {
        CreatedInvitation created = invite(owner, invitee, Role.ADMIN);
        String token = created.token().reveal();
        Caller.UserCaller signedIn = signedIn(invitee);

        var preview = service.preview(signedIn.account(), token);
        assertThat(preview.id()).isEqualTo(created.invitation().id());
        assertThat(preview.workspaceName()).isEqualTo(acme.name());
        assertThat(preview.role()).isEqualTo(Role.ADMIN);
        assertThat(preview.email()).isEqualTo(invitee.email());
        assertThat(preview.refusal()).isEmpty();
        assertThat(service.preview(member.account(), token).refusal()).as("for another email")
                .hasValueSatisfying(e -> assertThat(e.code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN));

        service.accept(signedIn.account(), token);
        assertThat(service.preview(signedIn.account(), token).refusal()).as("used once")
                .hasValueSatisfying(e -> assertThat(e.getMessage()).contains("already accepted"));
        for (String unknown : new String[]{"not-a-token", InvitationToken.generate(new SplittableRandom(9)).reveal()}) {
            DomainException e = catchThrowableOfType(DomainException.class,
                    () -> service.preview(signedIn.account(), unknown));
            assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
        }
    }

    @Test
    void acceptingFailsClearlyForAnotherUserAnUnknownTokenOrAnExpiredOne() {
        CreatedInvitation created = invite(owner, invitee, Role.MEMBER);
        String token = created.token().reveal();

        Caller.UserCaller intruder = signedIn(f.user("intruder"));
        Caller.UserCaller signedIn = signedIn(invitee);
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.accept(intruder.account(), token));
        f.refused(ErrorCode.NOT_FOUND, () -> service.accept(signedIn.account(), "lkinv_" + "A".repeat(40)));
        f.refused(ErrorCode.NOT_FOUND, () -> service.accept(signedIn.account(), "not a token"));
        Caller.UserCaller alreadyMember = TenancyFixture.caller(f.users.findById(member.userId()).orElseThrow(), acme,
                Role.MEMBER);
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.accept(alreadyMember.account(), token));

        f.clock.advance(Duration.ofDays(7));
        DomainException expired = f.refused(ErrorCode.CONFLICT, () -> service.accept(signedIn.account(), token));
        assertThat(expired.getMessage()).contains("expired");
    }

    @Test
    void aMemberAlreadyInTheWorkspaceCannotAcceptAgain() {
        CreatedInvitation created = invite(owner, invitee, Role.MEMBER);
        Caller.UserCaller signedIn = signedIn(invitee);
        // joined meanwhile by another route (a second invitation accepted a moment before, say)
        f.workspaces.addMember(new dev.latchkey.domain.workspace.Membership(acme.id(), invitee.id(), Role.MEMBER,
                TenancyFixture.T0));

        f.refused(ErrorCode.CONFLICT, () -> service.accept(signedIn.account(), created.token().reveal()));
    }

    @Test
    void aRevokedInvitationCannotBeAcceptedAndAdminsCannotRevokeAnOwnersInvitation() {
        CreatedInvitation asMember = invite(owner, invitee, Role.MEMBER);
        CreatedInvitation asOwner = invite(owner, f.user("future-owner"), Role.OWNER);

        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.revoke(admin, asOwner.invitation().id()));
        f.refused(ErrorCode.ROLE_FORBIDDEN, () -> service.revoke(member, asMember.invitation().id()));
        f.refused(ErrorCode.NOT_FOUND, () -> service.revoke(admin, InvitationId.newId()));
        service.revoke(admin, asMember.invitation().id());
        assertThat(f.audit.all().getLast().details()).containsEntry("invitation", "revoked");
        int events = f.audit.all().size();
        service.revoke(admin, asMember.invitation().id()); // again: nothing changes
        assertThat(f.audit.all()).hasSize(events);

        Caller.UserCaller signedIn = signedIn(invitee);
        DomainException e = f.refused(ErrorCode.CONFLICT, () -> service.accept(signedIn.account(), asMember.token().reveal()));
        assertThat(e.getMessage()).contains("revoked");
        assertThat(service.list(member, PageRequest.first()).invitations()).extracting(Invitation::id)
                .containsExactly(asOwner.invitation().id());
    }

    @Test
    void anInvitationOfAnotherWorkspaceIsNotFound() {
        Workspace other = f.workspace(Plan.PRO);
        Caller.UserCaller otherOwner = f.member(other, Role.OWNER);
        CreatedInvitation foreign = invite(otherOwner, invitee, Role.MEMBER);

        f.refused(ErrorCode.NOT_FOUND, () -> service.revoke(owner, foreign.invitation().id()));
        assertThat(service.list(owner, PageRequest.first()).invitations()).isEmpty();
    }

    @Test
    void aMailThatCannotBeSentLeavesTheInvitation() {
        f.mail.failing(true);

        CreatedInvitation created = invite(owner, invitee, Role.MEMBER);

        assertThat(f.invitations.all()).extracting(Invitation::id).containsExactly(created.invitation().id());
    }

    @Test
    void pendingInvitationsAreListedNewestFirstAPageAtATime() {
        CreatedInvitation first = invite(owner, invitee, Role.MEMBER);
        f.clock.advance(Duration.ofSeconds(1));
        CreatedInvitation second = invite(owner, f.user("second"), Role.MEMBER);

        var page = service.list(member, new PageRequest(1, null));
        assertThat(page.invitations()).extracting(Invitation::id).containsExactly(second.invitation().id());
        assertThat(page.hasMore()).isTrue();
        var next = service.list(member, new PageRequest(1, page.nextCursor()));
        assertThat(next.invitations()).extracting(Invitation::id).containsExactly(first.invitation().id());
        assertThat(next.hasMore()).isFalse();
    }

    @Test
    void anInviteCommandNamesEveryBadField() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> InviteCommand.parse("not-an-email", "superuser"));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("email", "role");
        assertThat(InviteCommand.parse(" Ada@Example.com ", "admin").email().value()).isEqualTo("ada@example.com");
    }
}
