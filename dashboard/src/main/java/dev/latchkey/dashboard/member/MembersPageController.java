package dev.latchkey.dashboard.member;

import dev.latchkey.dashboard.support.Times;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.GetPlanOverviewUseCase;
import dev.latchkey.application.port.in.GetPlanOverviewUseCase.PlanOverview;
import dev.latchkey.application.port.in.ManageInvitationsUseCase;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.CreatedInvitation;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.InvitationPage;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.InviteCommand;
import dev.latchkey.application.port.in.ManageMembersUseCase;
import dev.latchkey.application.port.in.ManageMembersUseCase.MemberPage;
import dev.latchkey.application.port.in.ManageMembersUseCase.Transfer;
import dev.latchkey.dashboard.support.DashboardContext;
import dev.latchkey.dashboard.support.DashboardContexts;
import dev.latchkey.dashboard.support.Flash;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.Ids;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Invitation;
import dev.latchkey.domain.workspace.InvitationId;
import dev.latchkey.domain.workspace.Member;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.MembershipRules;
import dev.latchkey.domain.workspace.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /settings/members}: the members and pending invitations of the workspace; OWNER and ADMIN invite, change
 * roles, remove and revoke, the OWNER transfers ownership, every member may leave. Every change goes through its use
 * case, whose rules decide (a MEMBER posting a form directly gets their 403); a refusal because of the last owner is
 * a flash message on the list.
 */
@Controller
@RequestMapping(MembersPageController.LIST)
public class MembersPageController {

    static final String LIST = "/settings/members";
    private static final String VIEW = "members/list";
    private static final String CONFIRM_VIEW = "members/confirm";
    private static final Map<String, String> LABELS = Map.of("email", "Email", "role", "Role");
    /** Refusals an OWNER or ADMIN can meet with the invite form; shown on the form. */
    private static final Set<ErrorCode> INVITE_REFUSALS = EnumSet.of(ErrorCode.CONFLICT, ErrorCode.PLAN_REQUIRED,
            ErrorCode.ROLE_FORBIDDEN);

    private final ManageMembersUseCase members;
    private final ManageInvitationsUseCase invitations;
    private final GetPlanOverviewUseCase plans;
    private final boolean mailConfigured;

    public MembersPageController(ManageMembersUseCase members, ManageInvitationsUseCase invitations,
                                 GetPlanOverviewUseCase plans, Environment environment) {
        this.members = members;
        this.invitations = invitations;
        this.plans = plans;
        // the app mails invitations through Spring's mail support, which a mail host switches on
        this.mailConfigured = environment.containsProperty("spring.mail.host");
    }

    @GetMapping
    String list(DashboardContext ctx, @RequestParam(name = "cursor", required = false) String cursor, Model model) {
        show(ctx, Ids.looksLike(UserId.PREFIX, cursor) ? cursor : null, new InviteForm(null, Role.MEMBER.name()),
                model);
        return VIEW;
    }

    /** The link is shown once, on this response (no redirect, never cached), like a new key. */
    @PostMapping("/invitations")
    String invite(DashboardContext ctx, @RequestParam(name = "email", required = false) String email,
                  @RequestParam(name = "role", required = false) String role, Model model,
                  HttpServletResponse response) {
        InviteForm form = new InviteForm(email, role);
        CreatedInvitation created;
        try {
            created = invitations.invite(ctx.caller(), InviteCommand.parse(email, role));
        } catch (ValidationException e) {
            model.addAttribute("inviteErrors", e.errors().stream().collect(Collectors.toMap(FieldError::field,
                    error -> LABELS.getOrDefault(error.field(), "This field") + " " + error.message() + ".",
                    (first, second) -> first, LinkedHashMap::new)));
            show(ctx, null, form, model);
            return VIEW;
        } catch (DomainException e) {
            if (!ctx.canManage() || !INVITE_REFUSALS.contains(e.code())) {
                throw e;
            }
            model.addAttribute("inviteError", Sentences.of(e.getMessage()));
            show(ctx, null, form, model);
            return VIEW;
        }
        Invitation invitation = created.invitation();
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("email", invitation.email().value());
        model.addAttribute("role", roleName(invitation.role()));
        model.addAttribute("link", created.url());
        model.addAttribute("expiresAt", Times.utc(invitation.expiresAt()));
        model.addAttribute("expiresAtIso", invitation.expiresAt().toString());
        model.addAttribute("validDays", Duration.between(invitation.createdAt(), invitation.expiresAt()).toDays());
        model.addAttribute("mailConfigured", mailConfigured);
        return "members/invitation-created";
    }

    @PostMapping("/invitations/{id}/revoke")
    String revoke(DashboardContext ctx, @PathVariable String id, RedirectAttributes redirect) {
        if (!Ids.looksLike(InvitationId.PREFIX, id)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "invitation not found");
        }
        try {
            invitations.revoke(ctx.caller(), new InvitationId(id));
            Flash.success(redirect, "Invitation revoked: its link no longer works.");
        } catch (DomainException e) {
            flashConflict(e, redirect);
        }
        return "redirect:" + LIST;
    }

    @PostMapping("/{userId}/role")
    String changeRole(DashboardContext ctx, @PathVariable String userId,
                      @RequestParam(name = "role", required = false) String role, RedirectAttributes redirect) {
        UserId id = userId(userId);
        Optional<Role> chosen = Role.parse(role);
        if (chosen.isEmpty()) {
            Flash.error(redirect, "Choose owner, admin or member.");
            return "redirect:" + LIST;
        }
        try {
            Member changed = members.changeRole(ctx.caller(), id, chosen.get());
            Flash.success(redirect, changed.email().value() + " is now " + Sentences.article(roleName(changed.role()))
                    + ".");
        } catch (DomainException e) {
            flashConflict(e, redirect);
        }
        return "redirect:" + LIST;
    }

    @GetMapping("/{userId}/remove")
    String confirmRemove(DashboardContext ctx, @PathVariable String userId, Model model) {
        Member member = find(ctx, userId(userId));
        model.addAttribute("confirmation", new Confirmation("Remove member",
                "Remove " + member.email().value() + " from " + ctx.workspace().name() + "?",
                "They lose access to this workspace at once. The workspace's API keys keep working. "
                        + "To bring them back, invite them again.",
                LIST + "/" + member.userId().value() + "/remove", "Remove member"));
        return CONFIRM_VIEW;
    }

    @PostMapping("/{userId}/remove")
    String remove(DashboardContext ctx, @PathVariable String userId, RedirectAttributes redirect) {
        Member member = find(ctx, userId(userId));
        try {
            members.remove(ctx.caller(), member.userId());
            Flash.success(redirect, member.email().value() + " was removed from " + ctx.workspace().name() + ".");
        } catch (DomainException e) {
            flashConflict(e, redirect);
        }
        return "redirect:" + LIST;
    }

    @GetMapping("/{userId}/transfer")
    String confirmTransfer(DashboardContext ctx, @PathVariable String userId, Model model) {
        Member member = find(ctx, userId(userId));
        model.addAttribute("confirmation", new Confirmation("Transfer ownership",
                "Make " + member.email().value() + " an owner of " + ctx.workspace().name() + "?",
                "They become an owner and you become an admin: you keep managing keys and members, but no longer "
                        + "owners or the workspace's kill switch.",
                LIST + "/" + member.userId().value() + "/transfer", "Transfer ownership"));
        return CONFIRM_VIEW;
    }

    @PostMapping("/{userId}/transfer")
    String transfer(DashboardContext ctx, @PathVariable String userId, RedirectAttributes redirect) {
        try {
            Transfer transfer = members.transferOwnership(ctx.caller(), userId(userId));
            Flash.success(redirect, transfer.owner().email().value() + " is now an owner of "
                    + ctx.workspace().name() + ". You are an admin.");
        } catch (DomainException e) {
            flashConflict(e, redirect);
        }
        return "redirect:" + LIST;
    }

    @GetMapping("/leave")
    String confirmLeave(DashboardContext ctx, Model model) {
        model.addAttribute("confirmation", new Confirmation("Leave workspace",
                "Leave " + ctx.workspace().name() + "?",
                "You lose access to its keys, members and settings. To come back you need a new invitation.",
                LIST + "/leave", "Leave workspace"));
        return CONFIRM_VIEW;
    }

    @PostMapping("/leave")
    String leave(DashboardContext ctx, HttpSession session, RedirectAttributes redirect) {
        try {
            members.remove(ctx.caller(), ctx.caller().userId());
        } catch (DomainException e) {
            flashConflict(e, redirect);
            return "redirect:" + LIST;
        }
        session.removeAttribute(DashboardContexts.WORKSPACE);
        Flash.success(redirect, "You left " + ctx.workspace().name() + ".");
        return "redirect:/settings/api-keys";
    }

    private void show(DashboardContext ctx, String cursor, InviteForm form, Model model) {
        Caller.UserCaller caller = ctx.caller();
        MemberPage page = members.list(caller, new PageRequest(FindApiKeysUseCase.DEFAULT_LIMIT, cursor));
        InvitationPage pending = invitations.list(caller, new PageRequest(FindApiKeysUseCase.MAX_LIMIT, null));
        PlanOverview plan = plans.overview(caller);
        // the rules read ids and roles; when the viewer joined does not matter to them
        Membership viewer = new Membership(ctx.workspace().id(), caller.userId(), caller.role(), Instant.EPOCH);
        long owners = page.owners();
        Map<UserId, String> emails = page.members().stream()
                .collect(Collectors.toMap(Member::userId, member -> member.email().value()));
        model.addAttribute("members", page.members().stream()
                .map(member -> MemberRow.of(member, viewer, owners)).toList());
        model.addAttribute("firstPage", cursor == null);
        model.addAttribute("hasMore", page.hasMore());
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("invitations", pending.invitations().stream()
                .map(invitation -> InvitationRow.of(invitation, caller.role(), inviter(invitation, caller, emails)))
                .toList());
        model.addAttribute("moreInvitations", pending.hasMore());
        model.addAttribute("memberGate", plan.anotherMember());
        model.addAttribute("seatsUsed", plan.members());
        model.addAttribute("seatLimit", plan.limits().members());
        model.addAttribute("inviteRoles", Arrays.stream(Role.values())
                .filter(role -> MembershipRules.invite(caller.role(), role).allowed()).toList());
        model.addAttribute("invite", form);
    }

    /** Who invited, by email when they are on this page of members. */
    private static String inviter(Invitation invitation, Caller.UserCaller caller, Map<UserId, String> emails) {
        if (invitation.invitedBy().equals(caller.userId())) {
            return "you";
        }
        return emails.getOrDefault(invitation.invitedBy(), invitation.invitedBy().value());
    }

    /** A member by id; not a member: not found. */
    private Member find(DashboardContext ctx, UserId userId) {
        return members.get(ctx.caller(), userId);
    }

    /** A user id from a path; anything not shaped like one is simply not found. */
    private static UserId userId(String value) {
        if (!Ids.looksLike(UserId.PREFIX, value)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "member not found");
        }
        return new UserId(value);
    }

    /** The last owner's conflicts are explained on the list; any other refusal is its error page. */
    private static void flashConflict(DomainException e, RedirectAttributes redirect) {
        if (e.code() != ErrorCode.CONFLICT) {
            throw e;
        }
        Flash.error(redirect, Sentences.of(e.getMessage()));
    }

    private static String roleName(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /** The invite form as entered. */
    record InviteForm(String email, String role) {
    }

    /** A confirmation page: what is about to happen (nothing to undo it), and the button that does it. */
    record Confirmation(String title, String question, String consequence, String action, String button) {
    }
}
