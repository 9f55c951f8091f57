package dev.latchkey.dashboard;

import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.in.ManageWorkspacesUseCase;
import dev.latchkey.application.port.in.GetCurrentUserUseCase.WorkspaceMembership;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The use cases the dashboard calls, in memory, so that the dashboard is tested on its own. */
class InMemoryAccounts implements RegisterAccountUseCase, LoginUseCase, ResolveUserCallerUseCase, ManageWorkspacesUseCase,
        FindApiKeysUseCase, GetWorkspaceUseCase {

    private final Map<String, User> usersByEmail = new ConcurrentHashMap<>();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<WorkspaceId, Workspace> workspaces = new ConcurrentHashMap<>();
    private final List<Membership> memberships = new CopyOnWriteArrayList<>();
    private final List<ApiKey> keys = new CopyOnWriteArrayList<>();
    private final SecureRandom random = new SecureRandom();

    @Override
    public Registration register(RegisterAccountCommand command) {
        Email email = new Email(command.email());
        if (usersByEmail.containsKey(email.value())) {
            throw new DomainException(ErrorCode.CONFLICT, "an account with this email already exists");
        }
        Instant now = Instant.now();
        User user = User.create(email, new PasswordHash("plain:" + command.password()), now);
        Workspace workspace = Workspace.create(command.workspaceName(), now);
        Membership owner = new Membership(workspace.id(), user.id(), Role.OWNER, now);
        IssuedApiKey first = ApiKey.issue(workspace.id(), "Default test key", KeyType.SECRET, Environment.TEST,
                Set.copyOf(Scope.PLATFORM), 600, null, now, random);
        usersByEmail.put(email.value(), user);
        passwords.put(email.value(), command.password());
        workspaces.put(workspace.id(), workspace);
        memberships.add(owner);
        keys.add(first.key());
        return new Registration(dev.latchkey.application.port.in.Account.of(user), workspace, owner, first);
    }

    /** A further key, e.g. to fill the table. */
    IssuedApiKey addKey(WorkspaceId workspace, String name, KeyType type, Environment environment) {
        IssuedApiKey issued = ApiKey.issue(workspace, name, type, environment, Set.of(Scope.KEYS_READ), 600, null,
                Instant.now(), random);
        keys.add(issued.key());
        return issued;
    }

    @Override
    public SignedInUser login(LoginCommand command) {
        Optional<User> user = Email.isValid(command.email())
                ? Optional.ofNullable(usersByEmail.get(new Email(command.email()).value()))
                : Optional.empty();
        if (user.isEmpty() || !passwords.get(user.get().email().value()).equals(command.password())) {
            throw new DomainException(ErrorCode.CREDENTIALS_INVALID, "email or password is wrong");
        }
        return new SignedInUser(dev.latchkey.application.port.in.Account.of(user.get()), membershipsOf(user.get().id()));
    }

    @Override
    public Caller.UserCaller resolve(UserId userId, Optional<WorkspaceId> workspace, Environment environment,
                                     String clientAddress) {
        Membership membership = workspace
                .map(id -> membershipsOf(userId).stream().filter(m -> m.workspaceId().equals(id)).findFirst()
                        .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "workspace not found")))
                .orElseGet(() -> membershipsOf(userId).stream().findFirst()
                        .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no workspace")));
        return new Caller.UserCaller(userId, membership.workspaceId(), environment, membership.role(),
                userId.value(), clientAddress);
    }

    @Override
    public Authentication authenticate(UserId userId, Optional<WorkspaceId> workspace,
                                       Optional<Environment> environment, String clientAddress) {
        throw new UnsupportedOperationException("the dashboard never authenticates /v1 requests");
    }

    @Override
    public ApiKey get(Caller caller, ApiKeyId id) {
        return keys.stream().filter(k -> k.id().equals(id) && k.workspaceId().equals(caller.workspaceId())
                        && k.environment() == caller.environment()).findFirst()
                .orElseThrow(() -> new DomainException(ErrorCode.NOT_FOUND, "no such key"));
    }

    @Override
    public KeyPage list(Caller caller, KeyFilter filter, PageRequest page) {
        List<ApiKey> found = new ArrayList<>(keys.stream()
                .filter(k -> k.workspaceId().equals(caller.workspaceId()) && k.environment() == caller.environment())
                .sorted(Comparator.comparing(ApiKey::createdAt).reversed())
                .toList());
        return new KeyPage(found, false, null);
    }

    @Override
    public Workspace get(Caller caller) {
        return workspaces.get(caller.workspaceId());
    }

    private volatile List<Environment> served = List.of(Environment.TEST, Environment.LIVE);

    /** As {@code latchkey.environment} would set it. */
    void serve(List<Environment> environments) {
        served = List.copyOf(environments);
    }

    @Override
    public List<Environment> servedEnvironments() {
        return served;
    }

    @Override
    public AccountCaller account(UserId userId, String clientAddress) {
        User user = usersByEmail.values().stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow(() ->
                new DomainException(ErrorCode.TOKEN_INVALID, "token does not belong to an existing user"));
        return new AccountCaller(userId, user.email().value(), clientAddress);
    }

    @Override
    public WorkspacePage list(Caller.UserCaller caller, PageRequest page) {
        return new WorkspacePage(membershipsOf(caller.userId()).stream()
                .map(m -> new WorkspaceMembership(workspaces.get(m.workspaceId()), m.role(), m.joinedAt())).toList(),
                false, null);
    }

    @Override
    public WorkspaceMembership create(AccountCaller caller, CreateWorkspaceCommand command) {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    private List<Membership> membershipsOf(UserId userId) {
        return memberships.stream().filter(m -> m.userId().equals(userId)).toList();
    }
}
