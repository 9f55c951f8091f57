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

    /** The page's path: the header marks its link and the Live/Test toggle comes back to it. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    @ModelAttribute("ctx")
    DashboardContext context(HttpServletRequest request) {
        return contexts.signedIn(request).orElse(null);
    }
}
