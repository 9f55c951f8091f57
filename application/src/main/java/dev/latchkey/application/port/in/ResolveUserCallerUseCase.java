package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

/** A signed-in user acting in a workspace (theirs; default their first) and environment. */
public interface ResolveUserCallerUseCase {

    /** The caller from {@code clientAddress} (null: unknown), without rate limiting (the dashboard's pages). */
    Caller.UserCaller resolve(UserId userId, Optional<WorkspaceId> workspace, Environment environment,
                              String clientAddress);

    /**
     * The user acting on their own account, whether or not they belong to a workspace ({@code token_invalid} when the
     * user no longer exists).
     */
    AccountCaller account(UserId userId, String clientAddress);

    /** The environments this deployment serves ({@code latchkey.environment}): test first, when it is served. */
    List<Environment> servedEnvironments();

    default Caller.UserCaller resolve(UserId userId, Optional<WorkspaceId> workspace, Environment environment) {
        return resolve(userId, workspace, environment, null);
    }

    /**
     * A /v1 request with a user token: the caller in the chosen environment (by default test, or the only one this
     * deployment serves), refused with {@code auth_environment} when this deployment does not serve it, and one
     * token of the user's rate limit taken.
     */
    Authentication authenticate(UserId userId, Optional<WorkspaceId> workspace, Optional<Environment> environment,
                                String clientAddress);
}
