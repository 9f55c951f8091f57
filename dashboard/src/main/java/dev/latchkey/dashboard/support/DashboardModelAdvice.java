package dev.latchkey.dashboard.support;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every dashboard page gets {@code ctx} for its header (workspace switcher, Live/Test toggle, the links the role may
 * follow): the signed-in user's context, or null when signed out or in no workspace.
 */
@ControllerAdvice(basePackages = "dev.latchkey.dashboard")
public class DashboardModelAdvice {

    private final DashboardContexts contexts;

    public DashboardModelAdvice(DashboardContexts contexts) {
        this.contexts = contexts;
    }

    /** The page's path (without the context path): the header marks its link. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getServletPath();
    }

    /**
     * Where the Live/Test toggle comes back to: this page, unless it answers a form (a POST has no page to go back
     * to), then the keys.
     */
    @ModelAttribute("returnPath")
    String returnPath(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) ? request.getServletPath() : SwitchController.HOME;
    }

    @ModelAttribute("ctx")
    DashboardContext context(HttpServletRequest request) {
        return contexts.signedIn(request).orElse(null);
    }
}
