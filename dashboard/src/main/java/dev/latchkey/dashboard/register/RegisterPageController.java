package dev.latchkey.dashboard.register;

import dev.latchkey.application.port.in.RegisterAccountUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase.RegisterAccountCommand;
import dev.latchkey.application.port.in.RegisterAccountUseCase.Registration;
import dev.latchkey.dashboard.member.PendingInvitation;
import dev.latchkey.dashboard.security.DashboardSignIn;
import dev.latchkey.dashboard.security.DashboardUser;
import dev.latchkey.dashboard.support.DashboardContexts;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.Map;

/**
 * Sign-up: an account, its first workspace and a first {@code sk_test_} key, shown once on the
 * response itself (no redirect, never cached) so that it is never stored anywhere to show again.
 */
@Controller
@RequestMapping("/register")
public class RegisterPageController {

    static final String FORM_VIEW = "register/register";
    static final String FIRST_KEY_VIEW = "register/first-key";
    private static final Map<String, String> LABELS = Map.of(
            "email", "Email", "password", "Password", "workspaceName", "Workspace name");

    private final RegisterAccountUseCase registerAccount;
    private final DashboardSignIn signIn;
    private final DashboardContexts contexts;
    private final PendingInvitation invitation;

    public RegisterPageController(RegisterAccountUseCase registerAccount, DashboardSignIn signIn,
                                  DashboardContexts contexts, PendingInvitation invitation) {
        this.registerAccount = registerAccount;
        this.signIn = signIn;
        this.contexts = contexts;
        this.invitation = invitation;
    }

    @ModelAttribute("registerForm")
    RegisterForm registerForm() {
        return new RegisterForm();
    }

    /** An invitation opened before signing up: the pages say so, and the first-key page leads on to it. */
    @ModelAttribute("invitationWaiting")
    boolean invitationWaiting(HttpServletRequest request) {
        return invitation.waiting(request);
    }

    @GetMapping
    String form() {
        return FORM_VIEW;
    }

    @PostMapping
    String register(@ModelAttribute("registerForm") RegisterForm form, BindingResult binding, Model model,
                    HttpServletRequest request, HttpServletResponse response) {
        Registration registration;
        try {
            registration = registerAccount.register(
                    new RegisterAccountCommand(form.getEmail(), form.getPassword(), form.getWorkspaceName(),
                            contexts.clientAddress(request)));
        } catch (ValidationException e) {
            form.setPassword(null); // never echoed back, not even as a rejected value
            e.errors().forEach(error -> reject(binding, error));
            return FORM_VIEW;
        } catch (DomainException e) {
            if (e.code() != ErrorCode.CONFLICT) {
                throw e;
            }
            form.setPassword(null);
            binding.rejectValue("email", "duplicate",
                    "An account with this email already exists. Sign in instead, or use another email.");
            model.addAttribute("duplicateEmail", true);
            return FORM_VIEW;
        }
        signIn.signIn(new DashboardUser(registration.account().id().value(), registration.account().email().value()),
                request, response);
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        model.addAttribute("workspaceName", registration.workspace().name());
        model.addAttribute("firstKey", registration.firstKey().secret().reveal());
        model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromContextPath(request).toUriString());
        return FIRST_KEY_VIEW;
    }

    private static void reject(BindingResult binding, FieldError error) {
        String label = LABELS.get(error.field());
        if (label == null) {
            binding.reject("invalid", error.message());
        } else {
            binding.rejectValue(error.field(), "invalid", label + " " + error.message() + ".");
        }
    }
}
