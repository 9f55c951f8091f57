package dev.latchkey.application.service.user;

import dev.latchkey.application.port.in.Account;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetCurrentUserUseCase;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

import java.util.List;

public final class CurrentUserService implements GetCurrentUserUseCase {

    private final UserRepository users;
    private final WorkspaceRepository workspaces;

    public CurrentUserService(UserRepository users, WorkspaceRepository workspaces) {
        this.users = users;
        this.workspaces = workspaces;
    }

    @Override
    public CurrentUser me(Caller.UserCaller caller) {
        Account account = users.findById(caller.userId()).map(Account::of)
                .orElseThrow(() -> new DomainException(ErrorCode.TOKEN_INVALID,
                        "token does not belong to an existing user"));
        List<WorkspaceMembership> memberships = workspaces.membershipsOf(caller.userId()).stream()
                .flatMap(membership -> workspaces.findById(membership.workspaceId()).stream()
                        .map(workspace -> new WorkspaceMembership(workspace, membership.role(),
                                membership.joinedAt())))
                .toList();
        return new CurrentUser(account, caller, memberships);
    }
}
