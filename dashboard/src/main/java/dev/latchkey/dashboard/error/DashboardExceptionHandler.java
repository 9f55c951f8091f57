package dev.latchkey.dashboard.error;

import dev.latchkey.dashboard.support.NoWorkspaceException;
import dev.latchkey.domain.common.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.util.Map;

/**
 * Errors of the dashboard controllers as friendly pages ({@code templates/error/*}); never a stack trace.
 * The /v1 API has its own problem+json advice.
 */
@ControllerAdvice(basePackages = "dev.latchkey.dashboard")
public class DashboardExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(DashboardExceptionHandler.class);

    private final ErrorPages pages;

    public DashboardExceptionHandler(ErrorPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler(DomainException.class)
    ModelAndView domain(DomainException e, HttpServletRequest request) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case ROLE_FORBIDDEN, SCOPE_MISSING, PLAN_REQUIRED, WORKSPACE_LOCKED, IP_NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case CONFLICT, IDEMPOTENCY_CONFLICT -> HttpStatus.CONFLICT;
            case TOKEN_INVALID, TOKEN_EXPIRED, CREDENTIALS_INVALID -> HttpStatus.UNAUTHORIZED;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
        if (status.is5xxServerError()) {
            log.error("dashboard request failed: {}", e.code().code(), e);
            return pages.page(request, status, null);
        }
        return pages.page(request, status, e.getMessage());
    }

    /** Removed from every workspace: a page that says so, with the way out (an invitation, or sign out). */
    @ExceptionHandler(NoWorkspaceException.class)
    ModelAndView noWorkspace(HttpServletRequest request) {
        ModelAndView page = new ModelAndView("workspace/none", HttpStatus.OK);
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request); // "You left …" after leaving the last one
        if (flash != null) {
            page.addAllObjects(flash);
        }
        return page;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security turns these into a sign-in redirect or a 403
        }
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            return pages.page(request, known.getStatusCode(), null);
        }
        if (e instanceof InvalidPropertyException) { // a form field no form has, such as scopes[100000]
            return pages.page(request, HttpStatus.BAD_REQUEST, null);
        }
        log.error("dashboard request failed", e);
        return pages.page(request, HttpStatus.INTERNAL_SERVER_ERROR, null);
    }
}
