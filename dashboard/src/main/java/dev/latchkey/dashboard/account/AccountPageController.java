package dev.latchkey.dashboard.account;

import dev.latchkey.application.port.in.ChangePasswordUseCase;
import dev.latchkey.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import dev.latchkey.application.port.in.GetCurrentUserUseCase;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.CurrentUser;
import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.dashboard.security.DashboardSignIn;
import dev.latchkey.dashboard.security.DashboardUser;
import dev.latchkey.dashboard.support.DashboardContext;
import dev.latchkey.dashboard.support.Flash;
import dev.latchkey.dashboard.support.Times;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The signed-in user's account: their email, workspaces and roles, and the password change. No password typed here is
 * ever shown again, not even in a form re-rendered with errors.
 */
@Controller
public class AccountPageController {

    static final String VIEW = "account/account";
    static final String PATH = "/settings/account";
    /** Errors that belong to no one field. */
    static final String FORM = "form";
    private static final Map<String, String> LABELS = Map.of(
            "currentPassword", "Current password", "newPassword", "New password");

    private final GetCurrentUserUseCase currentUser;
    private final ChangePasswordUseCase passwords;
    private final DashboardSignIn signIn;

    public AccountPageController(GetCurrentUserUseCase currentUser, ChangePasswordUseCase passwords,
                                 DashboardSignIn signIn) {
        this.currentUser = currentUser;
        this.passwords = passwords;
        this.signIn = signIn;
    }

    /** One of the user's workspaces as the account page lists it. */
    public record MembershipView(String workspaceId, String workspaceName, String role, String plan, String joinedAt,
                                 boolean current) {
    }

    @GetMapping(PATH)
    String account(DashboardContext ctx, Model model) {
        return page(ctx, model, Map.of());
    }

    @PostMapping(PATH + "/password")
    String changePassword(DashboardContext ctx,
                          @RequestParam(name = "currentPassword", required = false) String currentPassword,
                          @RequestParam(name = "newPassword", required = false) String newPassword,
                          @RequestParam(name = "confirmPassword", required = false) String confirmPassword,
                          Model model, RedirectAttributes redirect, HttpServletRequest request,
                          HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!Objects.equals(newPassword, confirmPassword)) {
            // checked first: a typo must not spend one of the sign-in attempts the current password counts against
            errors.put("confirmPassword", "This does not match the new password. Type the new password twice.");
            return page(ctx, model, errors);
        }
        int tokenVersion;
        try {
            tokenVersion = passwords.changePassword(ctx.caller(), new ChangePasswordCommand(currentPassword, newPassword));
        } catch (ValidationException e) {
            e.errors().forEach(error -> reject(errors, error));
            return page(ctx, model, errors);
        } catch (LoginThrottledException e) {
            errors.put("currentPassword", "Too many wrong passwords. Try again in " + e.retryAfterMinutes()
                    + (e.retryAfterMinutes() == 1 ? " minute." : " minutes."));
            return page(ctx, model, errors);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.CREDENTIALS_INVALID) {
                throw e;
            }
            errors.put("currentPassword", "The current password is wrong.");
            return page(ctx, model, errors);
        }
        // this session goes on under a new id at the new version; every other session and token has ended
        signIn.signIn(new DashboardUser(ctx.caller().userId().value(), ctx.email(), tokenVersion), request, response);
        Flash.success(redirect, "Password changed. Other sessions and API tokens were signed out.");
        return "redirect:" + PATH;
    }

    private String page(DashboardContext ctx, Model model, Map<String, String> errors) {
        CurrentUser me = currentUser.me(ctx.caller());
        model.addAttribute("email", me.account().email().value());
        model.addAttribute("memberships", me.memberships().stream().map(membership -> new MembershipView(
                membership.workspace().id().value(), membership.workspace().name(),
                membership.role().name().toLowerCase(Locale.ROOT), membership.workspace().plan().name(),
                Times.day(membership.joinedAt()), membership.workspace().id().equals(ctx.workspace().id())))
                .toList());
        model.addAttribute("errors", errors);
        return VIEW;
    }

    private static void reject(Map<String, String> errors, FieldError error) {
        String label = LABELS.get(error.field());
        if (label == null) {
            errors.merge(FORM, error.message(), (first, next) -> first + " " + next);
        } else {
            errors.putIfAbsent(error.field(), label + " " + error.message() + ".");
        }
    }
}
