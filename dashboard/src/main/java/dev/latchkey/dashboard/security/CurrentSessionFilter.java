package dev.latchkey.dashboard.security;

import dev.latchkey.application.port.in.CheckUserTokenUseCase;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends a dashboard session whose user changed their password (or was deleted) since signing in: the session is
 * invalidated and the browser sent to sign in again, like every API token issued before the change.
 */
final class CurrentSessionFilter extends OncePerRequestFilter {

    private final CheckUserTokenUseCase tokens;

    CurrentSessionFilter(CheckUserTokenUseCase tokens) {
        this.tokens = tokens;
    }

    /** Stylesheets and scripts show nothing of the user: no database read for them. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof DashboardUser user) {
            try {
                tokens.requireCurrent(new UserId(user.userId()), user.tokenVersion());
            } catch (DomainException e) {
                if (e.code() != ErrorCode.TOKEN_INVALID) {
                    throw e;
                }
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(request.getContextPath() + "/login?expired");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
