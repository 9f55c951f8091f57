package dev.latchkey.web;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.ManageInvitationsUseCase;
import dev.latchkey.application.port.in.ManageMembersUseCase;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.InvitationToken;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tenancy use cases of {@link WebTestApplication}, scripted: they answer as the services would for the sample
 * members below and record what they were asked in {@link #lastCall}. A test may swap one; {@link #reset()} restores.
 */
final class TenancyScripts {

    static final UserId OWNER_ID = new UserId("usr_AAAAAAAAAAAAAAAAAAAAAA");
    static final UserId MEMBER_ID = new UserId("usr_BBBBBBBBBBBBBBBBBBBBBB");
    static final Member OWNER = new Member(new Membership(WebTestApplication.WORKSPACE, OWNER_ID, Role.OWNER,
            WebTestApplication.NOW.minusSeconds(7200)), new Email("owner@example.com"));
    static final Member MEMBER = new Member(new Membership(WebTestApplication.WORKSPACE, MEMBER_ID, Role.MEMBER,
            WebTestApplication.NOW.minusSeconds(3600)), new Email("member@example.com"));
    static final Invitation.Issued INVITATION = Invitation.issue(WebTestApplication.WORKSPACE,
            new Email("new@example.com"), Role.ADMIN, OWNER_ID, WebTestApplication.NOW, Invitation.DEFAULT_TTL,
            new SecureRandom());

    static final AtomicReference<Object> lastCall = new AtomicReference<>();
    static volatile ManageMembersUseCase members = new Members();
    static volatile ManageInvitationsUseCase invitations = new Invitations();
    static volatile ManageWorkspacesUseCase workspaces = new Workspaces();

    private TenancyScripts() {
    }

    static void reset() {
        lastCall.set(null);
        members = new Members();
        invitations = new Invitations();
        workspaces = new Workspaces();
    }

    private static Member known(UserId userId) {
        if (userId.equals(OWNER_ID)) {
            return OWNER;
        }
        if (userId.equals(MEMBER_ID)) {
            return MEMBER;
        }
        throw new DomainException(ErrorCode.NOT_FOUND, "no member " + userId.value() + " in this workspace");
    }

    static class Members implements ManageMembersUseCase {
        @Override
        public MemberPage list(Caller.UserCaller caller, PageRequest page) {
            lastCall.set(page);
            return new MemberPage(List.of(OWNER, MEMBER), true, MEMBER_ID.value(), 1);
        }

        @Override
        public Member get(Caller.UserCaller caller, UserId userId) {
            return known(userId);
        }

        @Override
        public Member changeRole(Caller.UserCaller caller, UserId userId, Role role) {
            lastCall.set(List.of(userId, role));
            return known(userId).withRole(role);
        }

        @Override
        public void remove(Caller.UserCaller caller, UserId userId) {
            lastCall.set(known(userId));
        }

        @Override
        public Transfer transferOwnership(Caller.UserCaller caller, UserId userId) {
            lastCall.set(userId);
            return new Transfer(known(userId).withRole(Role.OWNER), OWNER.withRole(Role.ADMIN));
        }
    }

    static final class Invitations implements ManageInvitationsUseCase {
        @Override
        public CreatedInvitation invite(Caller.UserCaller caller, InviteCommand command) {
            lastCall.set(command);
            return new CreatedInvitation(INVITATION.invitation(), INVITATION.token(),
                    "http://localhost:8080/invitations/" + INVITATION.token().reveal());
        }

        @Override
        public InvitationPage list(Caller.UserCaller caller, PageRequest page) {
            lastCall.set(page);
            return new InvitationPage(List.of(INVITATION.invitation()), false, null);
        }

        @Override
        public void revoke(Caller.UserCaller caller, InvitationId id) {
            lastCall.set(id);
            if (!id.equals(INVITATION.invitation().id())) {
                throw new DomainException(ErrorCode.NOT_FOUND, "no invitation " + id.value() + " in this workspace");
            }
        }

        @Override
        public WorkspaceMembership accept(AccountCaller caller, String token) {
            lastCall.set(token);
            if (!InvitationToken.isWellFormed(token) || !InvitationToken.of(token).equals(INVITATION.token())) {
                throw new DomainException(ErrorCode.NOT_FOUND, "invitation not found");
            }
            return new WorkspaceMembership(new Workspace(WebTestApplication.WORKSPACE, "Acme", Plan.PRO,
                    WebTestApplication.NOW), Role.ADMIN, WebTestApplication.NOW);
        }

        @Override
        public InvitationPreview preview(AccountCaller caller, String token) {
            throw new UnsupportedOperationException("the /v1 API does not preview invitations");
        }
    }

    static final class Workspaces implements ManageWorkspacesUseCase {
        @Override
        public WorkspacePage list(Caller.UserCaller caller, PageRequest page) {
            lastCall.set(page);
            return new WorkspacePage(List.of(new WorkspaceMembership(new Workspace(WebTestApplication.WORKSPACE,
                    "Acme", Plan.PRO, WebTestApplication.NOW), Role.OWNER, WebTestApplication.NOW)), false, null);
        }

        @Override
        public WorkspaceMembership create(AccountCaller caller, CreateWorkspaceCommand command) {
            lastCall.set(command);
            return new WorkspaceMembership(Workspace.create(command.name(), WebTestApplication.NOW), Role.OWNER,
                    WebTestApplication.NOW);
        }
    }
}
