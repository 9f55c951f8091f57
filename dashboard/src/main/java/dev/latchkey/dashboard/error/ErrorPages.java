package dev.latchkey.dashboard.error;

import dev.latchkey.dashboard.support.DashboardContexts;
import dev.latchkey.dashboard.support.SwitchController;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The dashboard's error pages ({@code templates/error/*}) in the full layout: for errors of dashboard controllers
 * ({@link DashboardExceptionHandler}) and for Boot's {@code /error} (unknown paths, refused requests; through
 * {@link DashboardErrorViewResolver}). A signed-in user keeps their header (workspace, toggle, links).
 */
@Component
public class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    private final DashboardContexts contexts;

    public ErrorPages(DashboardContexts contexts) {
        this.contexts = contexts;
    }

    ModelAndView page(HttpServletRequest request, HttpStatusCode status, String message) {
        String view = switch (status.value()) {
            case 404 -> "error/404";
            case 403 -> "error/403";
            default -> status.is5xxServerError() ? "error/5xx" : "error/4xx";
        };
        ModelAndView page = new ModelAndView(view, status);
        page.addObject("status", status.value());
        HttpStatus known = HttpStatus.resolve(status.value());
        page.addObject("error", known == null ? "Error" : known.getReasonPhrase());
        if (message != null) {
            page.addObject("message", message);
        }
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        page.addObject("currentPath", original instanceof String uri && uri.startsWith(request.getContextPath())
                ? uri.substring(request.getContextPath().length()) : request.getServletPath());
        page.addObject("returnPath", SwitchController.HOME);
        page.addObject("ctx", context(request));
        return page;
    }

    /** The header's context when there is one; an error page never fails for want of it (the database may be down). */
    private Object context(HttpServletRequest request) {
        try {
            return DashboardContexts.resolved(request).or(() -> contexts.signedIn(request)).orElse(null);
        } catch (RuntimeException e) {
            log.debug("error page without the signed-in header: {}", e.getClass().getSimpleName());
            return null;
        }
    }
}
