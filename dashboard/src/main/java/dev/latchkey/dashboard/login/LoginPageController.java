package dev.latchkey.dashboard.login;

import dev.latchkey.dashboard.member.PendingInvitation;
import dev.latchkey.dashboard.security.DashboardSecurityConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security's form login handles POST /login. */
@Controller
public class LoginPageController {

    private final PendingInvitation invitation;

    public LoginPageController(PendingInvitation invitation) {
        this.invitation = invitation;
    }

    @GetMapping("/login")
    String login(Authentication authentication, HttpServletRequest request, HttpSession session, Model model) {
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/settings/api-keys";
        }
        Object lastEmail = session.getAttribute(DashboardSecurityConfiguration.LAST_EMAIL);
        if (lastEmail != null) {
            session.removeAttribute(DashboardSecurityConfiguration.LAST_EMAIL);
            model.addAttribute("email", lastEmail);
        }
        Object retryMinutes = session.getAttribute(DashboardSecurityConfiguration.RETRY_MINUTES);
        if (retryMinutes != null) {
            session.removeAttribute(DashboardSecurityConfiguration.RETRY_MINUTES);
            model.addAttribute("retryMinutes", retryMinutes);
        }
        model.addAttribute("invitationWaiting", invitation.waiting(request));
        return "login/login";
    }
}
