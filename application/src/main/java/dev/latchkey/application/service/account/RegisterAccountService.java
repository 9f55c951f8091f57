package dev.latchkey.application.service.account;

import dev.latchkey.application.port.in.Account;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.PasswordHasher;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.Password;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

public final class RegisterAccountService implements RegisterAccountUseCase {

    static final String FIRST_KEY_NAME = "Default test key";

    private final UserRepository users;
    private final WorkspaceRepository workspaces;
    private final ApiKeyRepository keys;
    private final PasswordHasher passwordHasher;
    private final Transactions transactions;
    private final Plans plans;
    private final AuditTrail audit;
    private final Clock clock;
    private final RandomGenerator random;

    public RegisterAccountService(UserRepository users, WorkspaceRepository workspaces, ApiKeyRepository keys,
                                  PasswordHasher passwordHasher, Transactions transactions, Plans plans,
                                  AuditTrail audit, Clock clock, RandomGenerator random) {
        this.users = users;
        this.workspaces = workspaces;
        this.keys = keys;
        this.passwordHasher = passwordHasher;
        this.transactions = transactions;
        this.plans = plans;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Registration register(RegisterAccountCommand command) {
        Email email = new Email(command.email());
        // the command checked the rest of the password policy; this rule needs the email as an Email
        ValidationException.Collector errors = new ValidationException.Collector();
        Password.validate(command.password(), email, "password", errors);
        errors.throwIfAny();
        // hash outside the transaction: it is slow on purpose
        var passwordHash = passwordHasher.hash(command.password());
        return transactions.inTransaction(() -> {
            if (users.findByEmail(email).isPresent()) {
                throw new DomainException(ErrorCode.CONFLICT, "an account with this email already exists; sign in instead");
            }
            Instant now = clock.instant();
            User user = User.create(email, passwordHash, now);
            Workspace workspace = Workspace.create(command.workspaceName(), now);
            Membership owner = new Membership(workspace.id(), user.id(), Role.OWNER, now);
            IssuedApiKey firstKey = ApiKey.issue(workspace.id(), FIRST_KEY_NAME, KeyType.SECRET, Environment.TEST,
                    Set.copyOf(Scope.PLATFORM), plans.of(workspace.plan()).defaultRateLimitPerMinute(),
                    null, now, random);
            users.add(user);
            workspaces.add(workspace);
            workspaces.addMember(owner);
            keys.add(firstKey.key(), null);
            AuditActor actor = new AuditActor(AuditActor.Type.USER, user.id().value(), email.value());
            audit.record(workspace.id(), actor, command.clientAddress(), AuditAction.WORKSPACE_CREATED, null,
                    new AuditTarget("workspace", workspace.id().value()), Map.of("name", workspace.name()));
            audit.record(workspace.id(), actor, command.clientAddress(), AuditAction.KEY_CREATED, Environment.TEST,
                    new AuditTarget("key", firstKey.key().id().value()), Map.of("name", FIRST_KEY_NAME,
                            "type", KeyType.SECRET.code(), "prefix", firstKey.key().prefix()));
            return new Registration(Account.of(user), workspace, owner, firstKey);
        });
    }
}
