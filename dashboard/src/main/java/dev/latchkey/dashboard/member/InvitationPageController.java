package dev.latchkey.dashboard.member;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.ManageInvitationsUseCase;
import dev.latchkey.application.port.in.ManageInvitationsUseCase.InvitationPreview;
import dev.latchkey.dashboard.support.DashboardContexts;
import dev.latchkey.dashboard.support.Flash;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;
import java.util.Optional;

/**
 * Accepting an invitation from its link: the link's token goes into the session and the visitor on to
 * {@code /invitation}, which asks the signed-in user to confirm; joining switches them to the workspace. A refused
 * invitation (another email, used, revoked, expired, unknown) gets a page saying what to do, without the token.
 */
@Controller
public class InvitationPageController {

    static final String CONFIRM = "/invitation";
    private static final String REFERRER_POLICY = "Referrer-Policy";

    private final ManageInvitationsUseCase invitations;
    private final PendingInvitation pending;

    public InvitationPageController(ManageInvitationsUseCase invitations, PendingInvitation pending) {
        this.invitations = invitations;
        this.pending = pending;
    }

    /**
     * The link itself (signed in: a signed-out visitor is sent to sign in or sign up first, then back here). The
     * token leaves the address bar at once for the session.
     */
    @GetMapping(PendingInvitation.LINK_PATH + "{token}")
    String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(REFERRER_POLICY, "no-referrer");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        pending.hold(request.getSession(), token);
        return "redirect:" + CONFIRM;
    }

    /**
     * Names the workspace and the role before joining. A link for another email is shown with joining disabled; a
     * link that can no longer be used says so at once.
     */
    @GetMapping(CONFIRM)
    String confirm(AccountCaller account, HttpServletRequest request, HttpServletResponse response,
                   HttpSession session, Model model) {
        Optional<String> token = pending.token(request, response);
        if (token.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "invitations/none";
        }
        InvitationPreview preview;
        try {
            preview = invitations.preview(account, token.get());
        } catch (DomainException e) {
            return refused(e, account, session, response, model);
        }
        boolean forAnotherEmail = preview.refusal().filter(e -> e.code() == ErrorCode.ROLE_FORBIDDEN).isPresent();
        if (preview.refusal().isPresent() && !forAnotherEmail) {
            return refused(preview.refusal().get(), account, session, response, model);
        }
        model.addAttribute("invitation", preview);
        model.addAttribute("role", preview.role().name().toLowerCase(Locale.ROOT));
        model.addAttribute("signedInAs", account.email());
        model.addAttribute("forAnotherEmail", forAnotherEmail);
        return "invitations/confirm";
    }

    /**
     * Joins with the invitation held for this session, provided it is still the one the confirmation page showed
     * ({@code invitation}): opening another link meanwhile must not make this button join another workspace.
     */
    @PostMapping(CONFIRM)
    String accept(AccountCaller account, @RequestParam(name = "invitation", required = false) String shown,
                  HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model,
                  RedirectAttributes redirect) {
        String token = pending.token(request, response).orElse(null);
        if (token == null) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "invitations/none";
        }
        WorkspaceMembership joined;
        try {
            if (!invitations.preview(account, token).id().value().equals(shown)) {
                throw new DomainException(ErrorCode.CONFLICT, "the invitation held for you changed since the page "
                        + "was shown; open the link of the invitation you want to accept again");
            }
            joined = invitations.accept(account, token);
        } catch (DomainException e) {
            return refused(e, account, session, response, model);
        }
        pending.forget(session);
        session.setAttribute(DashboardContexts.WORKSPACE, joined.workspace().id().value());
        Flash.success(redirect, "You joined " + joined.workspace().name() + " as "
                + Sentences.article(joined.role().name().toLowerCase(Locale.ROOT)) + ".");
        return "redirect:/settings/api-keys";
    }

    /** An invitation that cannot be accepted (unknown, for another email, used, revoked, expired): the link is forgotten. */
    private String refused(DomainException e, AccountCaller account, HttpSession session, HttpServletResponse response,
                           Model model) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ROLE_FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            default -> throw e;
        };
        pending.forget(session);
        response.setStatus(status.value());
        model.addAttribute("signedInAs", account.email());
        model.addAttribute("reason", e.code().code());
        model.addAttribute("message", Sentences.of(e.getMessage()));
        return "invitations/refused";
    }
}
