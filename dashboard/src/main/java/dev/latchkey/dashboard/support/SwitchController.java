package dev.latchkey.dashboard.support;

import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.domain.apikey.Environment;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Optional;

/** The header's workspace switcher and Live/Test toggle: the choice is kept in the session, then back to the page. */
@Controller
public class SwitchController {

    /** The dashboard's home page: the keys of the chosen workspace and environment. */
    public static final String HOME = "/settings/api-keys";

    @PostMapping("/switch/environment")
    String environment(DashboardContext ctx, @RequestParam(name = "environment", required = false) String code,
                       @RequestParam(name = "returnTo", required = false) String returnTo, HttpSession session,
                       RedirectAttributes redirect) {
        Optional<Environment> environment = Environment.fromCode(code == null ? "" : code)
                .filter(ctx.servedEnvironments()::contains);
        if (environment.isEmpty()) {
            Flash.error(redirect, ctx.toggle() ? "Choose test or live."
                    : "This deployment serves only the " + ctx.environment() + " environment.");
        } else {
            session.setAttribute(DashboardContexts.ENVIRONMENT, environment.get().code());
        }
        return "redirect:" + Flash.localPath(returnTo, HOME);
    }

    @PostMapping("/switch/workspace")
    String workspace(DashboardContext ctx, @RequestParam(name = "workspace", required = false) String id,
                     HttpSession session, RedirectAttributes redirect) {
        Optional<WorkspaceMembership> chosen = ctx.workspaces().stream()
                .filter(membership -> membership.workspace().id().value().equals(id)).findFirst();
        if (chosen.isEmpty()) {
            Flash.error(redirect, "You are not a member of that workspace.");
        } else {
            session.setAttribute(DashboardContexts.WORKSPACE, id);
            Flash.success(redirect, "Switched to " + chosen.get().workspace().name() + ".");
        }
        // another workspace's page of the same kind may not exist (a key detail): start at its keys
        return "redirect:" + HOME;
    }
}
