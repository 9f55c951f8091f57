package dev.latchkey.dashboard.support;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.dashboard.security.DashboardUser;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.TrustedProxies;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.WorkspaceId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Resolves the {@link DashboardContext} of a request once (kept as a request attribute): the workspace and
 * environment chosen in the session, falling back to the user's first workspace when the chosen one is gone (they
 * were removed from it) and to test (or the one environment this deployment serves) when none was chosen.
 */
@Component
public class DashboardContexts {

    /** Session attribute: the id of the workspace chosen in the switcher. */
    public static final String WORKSPACE = "dev.latchkey.dashboard.WORKSPACE";
    /** Session attribute: the environment code chosen with the Live/Test toggle. */
    public static final String ENVIRONMENT = "dev.latchkey.dashboard.ENVIRONMENT";
    private static final String RESOLVED = DashboardContexts.class.getName() + ".RESOLVED";
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    private static final int SWITCHER_SIZE = FindApiKeysUseCase.MAX_LIMIT;

    private final ResolveUserCallerUseCase callers;
    private final GetWorkspaceUseCase workspace;
    private final ManageWorkspacesUseCase workspaces;
    private final TrustedProxies proxies;

    public DashboardContexts(ResolveUserCallerUseCase callers, GetWorkspaceUseCase workspace,
                             ManageWorkspacesUseCase workspaces, ObjectProvider<TrustedProxies> proxies) {
        this.callers = callers;
        this.workspace = workspace;
        this.workspaces = workspaces;
        this.proxies = proxies.getIfAvailable(() -> TrustedProxies.NONE);
    }

    /** The client's address as this deployment sees it (after trusted proxies). */
    public String clientAddress(HttpServletRequest request) {
        return proxies.clientAddress(request.getRemoteAddr(), request.getHeader(FORWARDED_FOR));
    }

    /** The signed-in user acting on their own account: starting or joining a workspace, whether or not in one. */
    public AccountCaller account(HttpServletRequest request, DashboardUser user) {
        return callers.account(new UserId(user.userId()), clientAddress(request));
    }

    /** The context of a signed-in user's request; {@link NoWorkspaceException} when they belong to no workspace. */
    public DashboardContext resolve(HttpServletRequest request, DashboardUser user) {
        if (request.getAttribute(RESOLVED) instanceof DashboardContext resolved) {
            return resolved;
        }
        HttpSession session = request.getSession();
        List<Environment> served = callers.servedEnvironments();
        Environment environment = session.getAttribute(ENVIRONMENT) instanceof String code
                ? Environment.fromCode(code).filter(served::contains).orElse(served.getFirst()) : served.getFirst();
        Optional<WorkspaceId> chosen = session.getAttribute(WORKSPACE) instanceof String id
                ? Optional.of(new WorkspaceId(id)) : Optional.empty();
        UserId userId = new UserId(user.userId());
        Caller.UserCaller caller;
        try {
            caller = resolveCaller(userId, chosen, environment, request);
        } catch (DomainException e) {
            if (e.code() != ErrorCode.NOT_FOUND || chosen.isEmpty()) {
                throw e.code() == ErrorCode.NOT_FOUND ? new NoWorkspaceException() : e;
            }
            session.removeAttribute(WORKSPACE); // no longer a member there: back to their first workspace
            try {
                caller = resolveCaller(userId, Optional.empty(), environment, request);
            } catch (DomainException again) {
                throw again.code() == ErrorCode.NOT_FOUND ? new NoWorkspaceException() : again;
            }
        }
        DashboardContext context = new DashboardContext(caller, workspace.get(caller),
                workspaces.list(caller, new FindApiKeysUseCase.PageRequest(SWITCHER_SIZE, null)).workspaces(), served);
        request.setAttribute(RESOLVED, context);
        return context;
    }

    /** The context of this request's signed-in user; empty when signed out or in no workspace. */
    public Optional<DashboardContext> signedIn(HttpServletRequest request) {
        return DashboardContextArgumentResolver.signedIn().flatMap(user -> {
            try {
                return Optional.of(resolve(request, user));
            } catch (NoWorkspaceException e) {
                return Optional.empty();
            }
        });
    }

    /** The context already resolved for this request, if any (error pages show the header with it). */
    public static Optional<DashboardContext> resolved(HttpServletRequest request) {
        return request.getAttribute(RESOLVED) instanceof DashboardContext context ? Optional.of(context)
                : Optional.empty();
    }

    private Caller.UserCaller resolveCaller(UserId userId, Optional<WorkspaceId> chosen, Environment environment,
                                            HttpServletRequest request) {
        return callers.resolve(userId, chosen, environment, clientAddress(request));
    }
}
