package dev.latchkey.dashboard.support;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.dashboard.security.DashboardUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * A {@link DashboardContext} parameter of a dashboard controller: the signed-in user's context; an
 * {@link AccountCaller} parameter: the signed-in user acting on their own account (in a workspace or not).
 */
final class DashboardContextArgumentResolver implements HandlerMethodArgumentResolver {

    private final DashboardContexts contexts;

    DashboardContextArgumentResolver(DashboardContexts contexts) {
        this.contexts = contexts;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == DashboardContext.class || parameter.getParameterType() == AccountCaller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        DashboardUser user = signedIn().orElseThrow(() -> new AccessDeniedException("not signed in"));
        HttpServletRequest servletRequest = request.getNativeRequest(HttpServletRequest.class);
        return parameter.getParameterType() == AccountCaller.class ? contexts.account(servletRequest, user)
                : contexts.resolve(servletRequest, user);
    }

    static java.util.Optional<DashboardUser> signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof DashboardUser user
                ? java.util.Optional.of(user) : java.util.Optional.empty();
    }
}
