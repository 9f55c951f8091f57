package dev.latchkey.application.service.account;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.application.port.out.RateLimiter;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

public final class UserCallerService implements ResolveUserCallerUseCase {

    private final UserRepository users;
    private final WorkspaceRepository workspaces;
    private final RateLimiter rateLimiter;
    private final ServedEnvironments served;
    private final int userRequestsPerMinute;

    public UserCallerService(UserRepository users, WorkspaceRepository workspaces, RateLimiter rateLimiter,
                             ServedEnvironments served, int userRequestsPerMinute) {
        this.users = users;
        this.workspaces = workspaces;
        this.rateLimiter = rateLimiter;
        this.served = served;
        this.userRequestsPerMinute = userRequestsPerMinute;
    }

    @Override
    public Caller.UserCaller resolve(UserId userId, Optional<WorkspaceId> workspace, Environment environment,
                                     String clientAddress) {
        User user = users.findById(userId).orElseThrow(() ->
                new DomainException(ErrorCode.TOKEN_INVALID, "token does not belong to an existing user"));
        Membership membership = workspace
                .map(id -> workspaces.findMembership(id, userId)
                        .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "workspace not found")))
                .orElseGet(() -> workspaces.membershipsOf(userId).stream().findFirst()
                        .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND,
                                "you are not a member of any workspace")));
        return new Caller.UserCaller(userId, membership.workspaceId(), environment, membership.role(),
                user.email().value(), clientAddress);
    }

    @Override
    public List<Environment> servedEnvironments() {
        return Stream.of(Environment.TEST, Environment.LIVE).filter(served.environments()::contains).toList();
    }

    @Override
    public AccountCaller account(UserId userId, String clientAddress) {
        User user = users.findById(userId).orElseThrow(() ->
                new DomainException(ErrorCode.TOKEN_INVALID, "token does not belong to an existing user"));
        return new AccountCaller(userId, user.email().value(), clientAddress);
    }

    @Override
    public Authentication authenticate(UserId userId, Optional<WorkspaceId> workspace,
                                       Optional<Environment> environment, String clientAddress) {
        Environment chosen = environment.orElseGet(served::defaultEnvironment);
        served.require(chosen);
        Caller.UserCaller caller = resolve(userId, workspace, chosen, clientAddress);
        return new Authentication(caller, rateLimiter.consume(userId.value(), userRequestsPerMinute));
    }
}
