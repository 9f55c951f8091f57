package dev.latchkey.web;

import dev.latchkey.application.port.in.Account;
import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.AccountCaller;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ChangePasswordUseCase;
import dev.latchkey.application.port.in.ChangePlanUseCase;
import dev.latchkey.application.port.in.CheckUserTokenUseCase;
import dev.latchkey.application.port.in.CheckRequestSignatureUseCase;
import dev.latchkey.application.port.in.FindAuditEventsUseCase;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditActor;
import dev.latchkey.domain.audit.AuditEvent;
import dev.latchkey.domain.audit.AuditEventId;
import dev.latchkey.domain.audit.AuditTarget;
import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.GetCurrentUserUseCase;
import dev.latchkey.application.port.in.GetUsageUseCase;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.application.port.in.IdempotencyUseCase;
import dev.latchkey.application.port.in.LockWorkspaceUseCase;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.in.ManageApiKeysUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.apikey.KeySpec;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.RateLimitStatus;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.web.security.JwtSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * The /v1 adapter alone, on scripted use cases: each bean delegates to a static field that a test may swap (and
 * {@link #reset()} restores), and records what it was asked.
 */
@SpringBootApplication
class WebTestApplication {

    static final WorkspaceId WORKSPACE = new WorkspaceId("ws_AAAAAAAAAAAAAAAAAAAAAA");
    static final ApiKeyId CALLER_KEY_ID = new ApiKeyId("key_AAAAAAAAAAAAAAAAAAAAAA");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final RateLimitStatus ALLOWED = new RateLimitStatus(true, 60, 59, NOW.getEpochSecond() + 42, 0);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored key every lookup finds: a signing secret key with an allowlist, in test. */
    static final IssuedApiKey SAMPLE = ApiKey.issue(WORKSPACE, new KeySpec("Billing", KeyType.SECRET,
            Environment.TEST, Set.of(Scope.KEYS_READ, Scope.KEYS_WRITE), 600, NOW.plus(Duration.ofDays(30)),
            List.of(IpRange.parse("203.0.113.0/24")), true), NOW.minus(Duration.ofDays(1)), RANDOM);

    static final AuditEvent AUDIT_EVENT = new AuditEvent(new AuditEventId("aud_AAAAAAAAAAAAAAAAAAAAAA"), WORKSPACE,
            Environment.TEST, AuditAction.KEY_REVOKED, new AuditActor(AuditActor.Type.KEY, CALLER_KEY_ID.value(),
            "sk_test_AAAA"), "203.0.113.9", new AuditTarget("key", "key_BBBBBBBBBBBBBBBBBBBBBB"), NOW,
            java.util.Map.of("prefix", "sk_test_BBBB"));
    static final AtomicReference<Boolean> lastVerifyAuthentication = new AtomicReference<>(false);
    static final AtomicReference<String> lastClientAddress = new AtomicReference<>();
    static final AtomicReference<Optional<Environment>> lastUserEnvironment = new AtomicReference<>();
    static final AtomicReference<Object> lastQuery = new AtomicReference<>();
    static final AtomicReference<byte[]> lastSignedBody = new AtomicReference<>();
    static final AtomicInteger creates = new AtomicInteger();
    static final FakeIdempotency idempotency = new FakeIdempotency();
    static volatile BiFunction<String, String, Authentication> authenticate = WebTestApplication::validKey;
    static volatile CheckRequestSignatureUseCase signatures = WebTestApplication::recordSignature;
    static volatile ManageApiKeysUseCase manage = new FakeManage();

    static void recordSignature(Caller caller, String header, byte[] body) {
        lastSignedBody.set(body);
    }

    static void reset() {
        authenticate = WebTestApplication::validKey;
        signatures = WebTestApplication::recordSignature;
        manage = new FakeManage();
        lastClientAddress.set(null);
        lastVerifyAuthentication.set(false);
        lastUserEnvironment.set(null);
        lastQuery.set(null);
        lastSignedBody.set(null);
        creates.set(0);
        idempotency.records.clear();
        login = WebTestApplication::wrongCredentials;
        changePassword = (caller, command) -> 1;
        lastAccountCommand.set(null);
    }

    static Caller.KeyCaller keyCaller(Set<Scope> scopes) {
        return new Caller.KeyCaller(CALLER_KEY_ID, "sk_test_AAAA", KeyType.RESTRICTED, WORKSPACE, Environment.TEST, scopes, 60, false);
    }

    static Authentication validKey(String presentedKey, String clientAddress) {
        ApiKeySecret.parse(presentedKey);
        lastClientAddress.set(clientAddress);
        return new Authentication(keyCaller(Set.of(Scope.KEYS_READ, Scope.KEYS_WRITE, Scope.KEYS_VERIFY)), ALLOWED);
    }

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    @Bean
    JwtSettings jwtSettings() {
        return new JwtSettings("a test secret that is long enough for HS256".getBytes(StandardCharsets.UTF_8),
                Duration.ofHours(24));
    }

    @Bean
    AuthenticateApiKeyUseCase authenticateApiKeyUseCase() {
        return new AuthenticateApiKeyUseCase() {
            @Override
            public Authentication authenticate(String presentedKey, String clientAddress) {
                return authenticate.apply(presentedKey, clientAddress);
            }

            @Override
            public Authentication authenticateToVerify(String presentedKey, String clientAddress) {
                lastVerifyAuthentication.set(true);
                return authenticate.apply(presentedKey, clientAddress);
            }
        };
    }

    @Bean
    ResolveUserCallerUseCase resolveUserCallerUseCase() {
        return new ResolveUserCallerUseCase() {
            @Override
            public Caller.UserCaller resolve(UserId userId, Optional<WorkspaceId> workspace, Environment environment,
                                             String clientAddress) {
                return new Caller.UserCaller(userId, WORKSPACE, environment, Role.OWNER, "owner@example.com",
                        clientAddress);
            }

            @Override
            public List<Environment> servedEnvironments() {
                return List.of(Environment.TEST, Environment.LIVE);
            }

            @Override
            public AccountCaller account(UserId userId, String clientAddress) {
                return new AccountCaller(userId, "owner@example.com", clientAddress);
            }

            @Override
            public Authentication authenticate(UserId userId, Optional<WorkspaceId> workspace,
                                               Optional<Environment> environment, String clientAddress) {
                lastUserEnvironment.set(environment);
                lastClientAddress.set(clientAddress);
                return new Authentication(resolve(userId, workspace, environment.orElse(Environment.TEST),
                        clientAddress),
                        new RateLimitStatus(true, 600, 599, NOW.getEpochSecond() + 60, 0));
            }
        };
    }

    @Bean
    CheckRequestSignatureUseCase checkRequestSignatureUseCase() {
        return (caller, header, body) -> signatures.check(caller, header, body);
    }

    @Bean
    IdempotencyUseCase idempotencyUseCase() {
        return idempotency;
    }

    @Bean
    FindAuditEventsUseCase findAuditEventsUseCase() {
        return (caller, filter, page) -> {
            lastQuery.set(filter);
            return new FindAuditEventsUseCase.AuditPage(List.of(AUDIT_EVENT), false, null);
        };
    }

    @Bean
    ChangePlanUseCase changePlanUseCase() {
        return (operator, workspaceId, plan) -> new Workspace(workspaceId.orElse(operator.workspaceId()), "Acme", plan,
                NOW);
    }

    /** The kill switch's state in the fake below: null while unlocked (tests that lock reset it). */
    static final AtomicReference<Instant> workspaceLockedAt = new AtomicReference<>();

    /** The kill switch as the service answers an owner of a SCALE workspace: locking keeps the first time. */
    @Bean
    LockWorkspaceUseCase lockWorkspaceUseCase() {
        return new LockWorkspaceUseCase() {
            private WorkspaceLock state(Caller.UserCaller caller) {
                return new WorkspaceLock(new Workspace(caller.workspaceId(), "Acme", Plan.SCALE, NOW),
                        workspaceLockedAt.get());
            }

            @Override
            public WorkspaceLock lock(Caller.UserCaller caller) {
                workspaceLockedAt.compareAndSet(null, NOW);
                return state(caller);
            }

            @Override
            public WorkspaceLock unlock(Caller.UserCaller caller) {
                workspaceLockedAt.set(null);
                return state(caller);
            }

            @Override
            public WorkspaceLock get(Caller.UserCaller caller) {
                return state(caller);
            }
        };
    }

    @Bean
    GetWorkspaceUseCase getWorkspaceUseCase() {
        return caller -> new Workspace(caller.workspaceId(), "Acme", Plan.FREE, NOW);
    }

    @Bean
    FindApiKeysUseCase findApiKeysUseCase() {
        return new FindApiKeysUseCase() {
            @Override
            public KeyPage list(Caller caller, KeyFilter filter, PageRequest page) {
                lastQuery.set(List.of(filter, page));
                return new KeyPage(List.of(SAMPLE.key()), true, SAMPLE.key().id().value());
            }

            @Override
            public ApiKey get(Caller caller, ApiKeyId id) {
                return find(id);
            }
        };
    }

    static ApiKey find(ApiKeyId id) {
        if (!id.equals(SAMPLE.key().id())) {
            throw new DomainException(ErrorCode.NOT_FOUND, "API key not found");
        }
        return SAMPLE.key();
    }

    @Bean
    ManageApiKeysUseCase manageApiKeysUseCase() {
        return new ManageApiKeysUseCase() {
            @Override
            public IssuedApiKey create(Caller caller, CreateApiKeyCommand command) {
                return manage.create(caller, command);
            }

            @Override
            public ApiKey edit(Caller caller, ApiKeyId id, EditApiKeyCommand command) {
                return manage.edit(caller, id, command);
            }

            @Override
            public KeyRoll roll(Caller caller, ApiKeyId id, Duration grace) {
                return manage.roll(caller, id, grace);
            }

            @Override
            public ApiKey revoke(Caller caller, ApiKeyId id) {
                return manage.revoke(caller, id);
            }
        };
    }

    /** Key management as the real service would answer it, without the store. */
    static class FakeManage implements ManageApiKeysUseCase {
        @Override
        public IssuedApiKey create(Caller caller, CreateApiKeyCommand command) {
            creates.incrementAndGet();
            lastQuery.set(command);
            return ApiKey.issue(WORKSPACE, new KeySpec(command.name(), command.type(),
                    command.environment().orElse(caller.environment()), command.scopes(),
                    command.rateLimitPerMinute().orElse(60), command.expiresAt(), command.ipAllowlist(),
                    command.signing()), NOW, RANDOM);
        }

        @Override
        public ApiKey edit(Caller caller, ApiKeyId id, EditApiKeyCommand command) {
            lastQuery.set(command);
            ApiKey key = find(id);
            return key.edit(command.name().orElse(key.name()), command.scopes().orElse(key.scopes()),
                    command.rateLimitPerMinute().orElse(key.rateLimitPerMinute()),
                    command.ipAllowlist().orElse(key.ipAllowlist()));
        }

        @Override
        public KeyRoll roll(Caller caller, ApiKeyId id, Duration grace) {
            lastQuery.set(grace);
            return find(id).roll(grace, NOW, RANDOM);
        }

        @Override
        public ApiKey revoke(Caller caller, ApiKeyId id) {
            return find(id).revoke(NOW);
        }
    }

    @Bean
    dev.latchkey.application.port.in.ManageMembersUseCase manageMembersUseCase() {
        return new dev.latchkey.application.port.in.ManageMembersUseCase() {
            @Override
            public MemberPage list(Caller.UserCaller caller, FindApiKeysUseCase.PageRequest page) {
                return TenancyScripts.members.list(caller, page);
            }

            @Override
            public dev.latchkey.domain.workspace.Member get(Caller.UserCaller caller, UserId userId) {
                return TenancyScripts.members.get(caller, userId);
            }

            @Override
            public dev.latchkey.domain.workspace.Member changeRole(Caller.UserCaller caller, UserId userId, Role role) {
                return TenancyScripts.members.changeRole(caller, userId, role);
            }

            @Override
            public void remove(Caller.UserCaller caller, UserId userId) {
                TenancyScripts.members.remove(caller, userId);
            }

            @Override
            public Transfer transferOwnership(Caller.UserCaller caller, UserId userId) {
                return TenancyScripts.members.transferOwnership(caller, userId);
            }
        };
    }

    @Bean
    dev.latchkey.application.port.in.ManageInvitationsUseCase manageInvitationsUseCase() {
        return new dev.latchkey.application.port.in.ManageInvitationsUseCase() {
            @Override
            public CreatedInvitation invite(Caller.UserCaller caller, InviteCommand command) {
                return TenancyScripts.invitations.invite(caller, command);
            }

            @Override
            public InvitationPage list(Caller.UserCaller caller, FindApiKeysUseCase.PageRequest page) {
                return TenancyScripts.invitations.list(caller, page);
            }

            @Override
            public void revoke(Caller.UserCaller caller, dev.latchkey.domain.workspace.InvitationId id) {
                TenancyScripts.invitations.revoke(caller, id);
            }

            @Override
            public GetCurrentUserUseCase.WorkspaceMembership accept(AccountCaller caller, String token) {
                return TenancyScripts.invitations.accept(caller, token);
            }

            @Override
            public InvitationPreview preview(AccountCaller caller, String token) {
                return TenancyScripts.invitations.preview(caller, token);
            }
        };
    }

    @Bean
    dev.latchkey.application.port.in.ManageWorkspacesUseCase manageWorkspacesUseCase() {
        return new dev.latchkey.application.port.in.ManageWorkspacesUseCase() {
            @Override
            public WorkspacePage list(Caller.UserCaller caller, FindApiKeysUseCase.PageRequest page) {
                return TenancyScripts.workspaces.list(caller, page);
            }

            @Override
            public GetCurrentUserUseCase.WorkspaceMembership create(AccountCaller caller,
                                                                  CreateWorkspaceCommand command) {
                return TenancyScripts.workspaces.create(caller, command);
            }
        };
    }

    @Bean
    VerifyApiKeyUseCase verifyApiKeyUseCase() {
        return (caller, command) -> {
            lastQuery.set(command);
            if (!ApiKeySecret.isWellFormed(command.key())) {
                return new VerifyApiKeyUseCase.Verification(VerifyApiKeyUseCase.VerifyCode.MALFORMED, null, null);
            }
            return new VerifyApiKeyUseCase.Verification(VerifyApiKeyUseCase.VerifyCode.VALID, SAMPLE.key(),
                    new RateLimitStatus(true, 600, 599, NOW.getEpochSecond() + 60, 0));
        };
    }

    @Bean
    GetUsageUseCase getUsageUseCase() {
        return (caller, query) -> {
            lastQuery.set(query);
            return new GetUsageUseCase.UsageReport(query.keyId(), query.from(), query.to(), query.granularity(),
                    List.of(new GetUsageUseCase.UsagePoint(query.from(), 3),
                            new GetUsageUseCase.UsagePoint(query.from().plus(Duration.ofDays(1)), 4)), 7);
        };
    }

    @Bean
    GetCurrentUserUseCase getCurrentUserUseCase() {
        return caller -> new GetCurrentUserUseCase.CurrentUser(
                new Account(caller.userId(), new Email("ada@example.com")), caller,
                List.of(new GetCurrentUserUseCase.WorkspaceMembership(
                                new Workspace(WORKSPACE, "Acme", Plan.PRO, NOW), Role.OWNER, NOW.minusSeconds(3600)),
                        new GetCurrentUserUseCase.WorkspaceMembership(
                                new Workspace(new WorkspaceId("ws_BBBBBBBBBBBBBBBBBBBBBB"), "Side", Plan.FREE, NOW),
                                Role.MEMBER, NOW)));
    }

    @Bean
    RegisterAccountUseCase registerAccountUseCase() {
        return command -> {
            throw new IllegalStateException("boom: an unexpected failure with internal details");
        };
    }

    /** Sign-in as scripted by a test; by default every attempt is wrong. */
    static volatile LoginUseCase login = WebTestApplication::wrongCredentials;
    static final AtomicReference<Object> lastAccountCommand = new AtomicReference<>();

    static LoginUseCase.SignedInUser wrongCredentials(LoginUseCase.LoginCommand command) {
        throw new DomainException(ErrorCode.CREDENTIALS_INVALID, "email or password is wrong");
    }

    @Bean
    LoginUseCase loginUseCase() {
        return command -> {
            lastAccountCommand.set(command);
            return login.login(command);
        };
    }

    /** Password change as scripted by a test; by default it succeeds. */
    static volatile ChangePasswordUseCase changePassword = (caller, command) -> 1;

    @Bean
    ChangePasswordUseCase changePasswordUseCase() {
        return (caller, command) -> {
            lastAccountCommand.set(command);
            return changePassword.changePassword(caller, command);
        };
    }

    /** Every token's version is current here (the check itself is the application's). */
    @Bean
    CheckUserTokenUseCase checkUserTokenUseCase() {
        return (userId, tokenVersion) -> {
        };
    }

    /** Idempotency as PRODUCT.md §7 describes it, in memory. */
    static class FakeIdempotency implements IdempotencyUseCase {
        record Entry(byte[] body, StoredResponse response) {
        }

        final Map<String, Entry> records = new ConcurrentHashMap<>();

        @Override
        public Start begin(Caller caller, String idempotencyKey, String method, String path, byte[] body) {
            // scripted like the service: the key's rules live there, the filter only answers its refusal
            if (idempotencyKey.isBlank() || idempotencyKey.length() > IdempotencyUseCase.MAX_KEY_LENGTH
                    || !idempotencyKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                throw new DomainException(ErrorCode.BAD_REQUEST, "Idempotency-Key is not acceptable");
            }
            String scope = caller.workspaceId().value() + "/" + caller.environment().code() + "/"
                    + caller.credentialId();
            String id = scope + "/" + idempotencyKey;
            Entry existing = records.putIfAbsent(id, new Entry(body, null));
            if (existing == null) {
                return new Start.Proceed(scope, idempotencyKey);
            }
            if (!Arrays.equals(existing.body(), body)) {
                throw new DomainException(ErrorCode.IDEMPOTENCY_CONFLICT,
                        "this Idempotency-Key was used with a different request");
            }
            if (existing.response() == null) {
                throw new DomainException(ErrorCode.CONFLICT, "a request with this Idempotency-Key is in progress");
            }
            return new Start.Replay(existing.response());
        }

        @Override
        public void complete(Start.Proceed claim, StoredResponse response) {
            records.computeIfPresent(claim.scope() + "/" + claim.key(), (id, entry) -> new Entry(entry.body(), response));
        }

        @Override
        public void abandon(Start.Proceed claim) {
            records.remove(claim.scope() + "/" + claim.key());
        }
    }
}
