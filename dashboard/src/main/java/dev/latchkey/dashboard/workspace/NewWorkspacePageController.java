package dev.latchkey.dashboard.workspace;

import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase.CreateWorkspaceCommand;
import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.dashboard.support.DashboardContexts;
import dev.latchkey.dashboard.support.Flash;
import dev.latchkey.domain.common.ValidationException;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A new workspace (FREE, the user its OWNER), switched to at once; also the way on for a user in no workspace. */
@Controller
public class NewWorkspacePageController {

    static final String VIEW = "workspace/new";

    private final ManageWorkspacesUseCase workspaces;

    public NewWorkspacePageController(ManageWorkspacesUseCase workspaces) {
        this.workspaces = workspaces;
    }

    @GetMapping("/workspaces/new")
    String form(AccountCaller account) {
        return VIEW;
    }

    @PostMapping("/workspaces/new")
    String create(AccountCaller account, @RequestParam(name = "name", required = false) String name, Model model,
                  HttpSession session, RedirectAttributes redirect) {
        WorkspaceMembership created;
        try {
            created = workspaces.create(account, CreateWorkspaceCommand.parse(name));
        } catch (ValidationException e) {
            model.addAttribute("name", name);
            model.addAttribute("nameError", "Name " + e.errors().getFirst().message() + ".");
            return VIEW;
        }
        session.setAttribute(DashboardContexts.WORKSPACE, created.workspace().id().value());
        Flash.success(redirect, "Workspace " + created.workspace().name() + " created. You are its owner.");
        return "redirect:/settings/api-keys";
    }
}
