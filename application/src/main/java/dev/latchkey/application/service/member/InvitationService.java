package dev.latchkey.application.service.member;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.ManageInvitationsUseCase;
import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.application.port.out.MailPort;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.InvitationToken;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.MembershipRules;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

public final class InvitationService implements ManageInvitationsUseCase {

    /** Where an invitation's link leads, under the deployment's public URL; the token follows. */
    public static final String LINK_PATH = "/invitations/";

    private static final System.Logger LOG = System.getLogger(InvitationService.class.getName());

    private final WorkspaceRepository workspaces;
    private final InvitationRepository invitations;
    private final UserRepository users;
    private final Transactions transactions;
    private final Plans plans;
    private final AuditTrail audit;
    private final MailPort mail;
    private final Clock clock;
    private final RandomGenerator random;
    private final String publicUrl;
    private final Duration lifetime;

    /**
     * {@code publicUrl}: the deployment's address as users reach it ({@code https://latchkey.example.com}), the
     * base of invitation links; {@code lifetime}: how long an invitation can be accepted.
     */
    public InvitationService(WorkspaceRepository workspaces, InvitationRepository invitations, UserRepository users,
                             Transactions transactions, Plans plans, AuditTrail audit, MailPort mail, Clock clock,
                             RandomGenerator random, String publicUrl, Duration lifetime) {
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.users = users;
        this.transactions = transactions;
        this.plans = plans;
        this.audit = audit;
        this.mail = mail;
        this.clock = clock;
        this.random = random;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.lifetime = lifetime;
    }

    @Override
    public CreatedInvitation invite(Caller.UserCaller caller, InviteCommand command) {
        MembershipRules.invite(caller.role(), command.role()).orThrow();
        Instant now = clock.instant();
        record Sent(Invitation.Issued issued, Workspace workspace) {
        }
        Sent sent = transactions.inTransaction(() -> {
            // the lock makes counting and adding one step: two invitations never both take the last place
            LockedWorkspace locked = LockedWorkspace.of(workspaces, caller);
            MembershipRules.invite(locked.actor().role(), command.role()).orThrow();
            if (workspaces.findMemberByEmail(caller.workspaceId(), command.email()).isPresent()) {
                throw new DomainException(ErrorCode.CONFLICT, command.email().value()
                        + " is already a member of this workspace");
            }
            invitations.findPending(caller.workspaceId(), command.email(), now).ifPresent(pending -> {
                throw new DomainException(ErrorCode.CONFLICT, command.email().value() + " already has a pending "
                        + "invitation (" + pending.id().value() + "); revoke it to send a new one");
            });
            long held = workspaces.countMembers(caller.workspaceId())
                    + invitations.countPending(caller.workspaceId(), now);
            Plans.Gate gate = plans.anotherMember(locked.workspace().plan(), held);
            if (!gate.allowed()) {
                throw new DomainException(ErrorCode.PLAN_REQUIRED, gate.message());
            }
            Invitation.Issued issued = Invitation.issue(caller.workspaceId(), command.email(), command.role(),
                    caller.userId(), now, lifetime, random);
            invitations.add(issued.invitation());
            Invitation invitation = issued.invitation();
            audit.record(caller, AuditAction.MEMBER_INVITED, null, target(invitation), Map.of(
                    "email", invitation.email().value(), "role", invitation.role().name(),
                    "expiresAt", invitation.expiresAt().toString()));
            return new Sent(issued, locked.workspace());
        });
        Invitation invitation = sent.issued().invitation();
        String url = publicUrl + LINK_PATH + sent.issued().token().reveal();
        send(new MailPort.InvitationMail(invitation.id(), invitation.email(), sent.workspace().name(),
                caller.actor().label(), invitation.role(), url, invitation.expiresAt()));
        return new CreatedInvitation(invitation, sent.issued().token(), url);
    }

    /** After the commit: a mail that cannot be sent leaves the invitation in place (the admin has the link). */
    private void send(MailPort.InvitationMail invitationMail) {
        try {
            mail.sendInvitation(invitationMail);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the mail of invitation " + invitationMail.invitationId()
                    + " could not be sent (" + e.getClass().getSimpleName() + "); its link was shown to the inviter");
        }
    }

    @Override
    public InvitationPage list(Caller.UserCaller caller, PageRequest page) {
        InvitationId after = page.cursor() == null ? null : new InvitationId(page.cursor());
        List<Invitation> found = invitations.listPending(caller.workspaceId(), clock.instant(), after,
                page.limit() + 1);
        boolean hasMore = found.size() > page.limit();
        List<Invitation> shown = hasMore ? found.subList(0, page.limit()) : found;
        return new InvitationPage(shown, hasMore, hasMore ? shown.getLast().id().value() : null);
    }

    @Override
    public void revoke(Caller.UserCaller caller, InvitationId id) {
        MembershipRules.manage(caller.role()).orThrow();
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            LockedWorkspace locked = LockedWorkspace.of(workspaces, caller);
            Invitation invitation = invitations.findById(caller.workspaceId(), id).orElseThrow(() ->
                    new DomainException(ErrorCode.NOT_FOUND, "no invitation " + id.value() + " in this workspace"));
            MembershipRules.revokeInvitation(locked.actor().role(), invitation.role()).orThrow();
            if (invitation.acceptedAt() != null) {
                throw new DomainException(ErrorCode.CONFLICT, "this invitation was already accepted; remove the "
                        + "member instead");
            }
            if (invitation.revokedAt() == null && invitations.revoke(caller.workspaceId(), id, now)) {
                audit.record(caller, AuditAction.MEMBER_REMOVED, null, target(invitation), Map.of(
                        "email", invitation.email().value(), "role", invitation.role().name(),
                        "invitation", "revoked"));
            }
            return null;
        });
    }

    @Override
    public WorkspaceMembership accept(AccountCaller caller, String token) {
        if (!InvitationToken.isWellFormed(token)) {
            throw invitationNotFound();
        }
        String tokenHash = InvitationToken.of(token).hash();
        Email email = users.findById(caller.userId()).map(User::email).orElseThrow(() ->
                new DomainException(ErrorCode.TOKEN_INVALID, "token does not belong to an existing user"));
        return transactions.inTransaction(() -> {
            Invitation found = invitations.findByTokenHash(tokenHash).orElseThrow(InvitationService::invitationNotFound);
            Workspace workspace = workspaces.findByIdForUpdate(found.workspaceId())
                    .orElseThrow(InvitationService::invitationNotFound);
            // read again under the workspace's lock: a revocation or acceptance a moment ago counts
            Invitation invitation = invitations.findByTokenHash(tokenHash)
                    .orElseThrow(InvitationService::invitationNotFound);
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            invitation.acceptableBy(email, now).orThrow();
            if (workspaces.findMembership(workspace.id(), caller.userId()).isPresent()) {
                throw alreadyMember();
            }
            if (!invitations.markAccepted(invitation.id(), now)) {
                throw new DomainException(ErrorCode.CONFLICT, "this invitation was accepted or revoked a moment ago");
            }
            Membership membership = new Membership(workspace.id(), caller.userId(), invitation.role(), now);
            workspaces.addMember(membership);
            audit.record(workspace.id(), caller.actor(), caller.clientAddress(), AuditAction.MEMBER_JOINED, null,
                    new AuditTarget("member", caller.userId().value()), Map.of("email", email.value(),
                            "role", invitation.role().name(), "invitationId", invitation.id().value()));
            return new WorkspaceMembership(workspace, membership.role(), membership.joinedAt());
        });
    }

    @Override
    public InvitationPreview preview(AccountCaller caller, String token) {
        if (!InvitationToken.isWellFormed(token)) {
            throw invitationNotFound();
        }
        Email email = users.findById(caller.userId()).map(User::email).orElseThrow(() ->
                new DomainException(ErrorCode.TOKEN_INVALID, "token does not belong to an existing user"));
        Invitation invitation = invitations.findByTokenHash(InvitationToken.of(token).hash())
                .orElseThrow(InvitationService::invitationNotFound);
        Workspace workspace = workspaces.findById(invitation.workspaceId())
                .orElseThrow(InvitationService::invitationNotFound);
        Optional<DomainException> refusal = switch (invitation.acceptableBy(email, clock.instant())) {
            case MembershipRules.Decision.Denied denied -> Optional.of(new DomainException(denied.code(), denied.reason()));
            default -> workspaces.findMembership(workspace.id(), caller.userId()).isPresent()
                    ? Optional.of(alreadyMember()) : Optional.empty();
        };
        return new InvitationPreview(invitation.id(), workspace.name(), invitation.role(), invitation.email(),
                invitation.expiresAt(), refusal);
    }

    private static DomainException alreadyMember() {
        return new DomainException(ErrorCode.CONFLICT, "you are already a member of this workspace");
    }

    private static DomainException invitationNotFound() {
        return new DomainException(ErrorCode.NOT_FOUND, "invitation not found; check the link, or ask for a new one");
    }

    private static AuditTarget target(Invitation invitation) {
        return new AuditTarget("invitation", invitation.id().value());
    }
}
