package dev.latchkey.app;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.InvitationRepository;
import dev.latchkey.application.port.out.AuditRepository;
import dev.latchkey.application.service.audit.AuditQueryService;
import dev.latchkey.application.service.audit.AuditRetention;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.application.service.workspace.WorkspacePlanService;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.application.port.out.IdempotencyRepository;
import dev.latchkey.application.port.out.PasswordHasher;
import dev.latchkey.application.port.out.RateLimiter;
import dev.latchkey.application.port.out.SecretSealer;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UsageRecorder;
import dev.latchkey.application.port.out.UsageRepository;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.port.out.WorkspaceLockRepository;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.application.service.account.LoginService;
import dev.latchkey.application.service.account.RegisterAccountService;
import dev.latchkey.application.service.account.UserCallerService;
import dev.latchkey.application.service.apikey.ApiKeyAuthenticationService;
import dev.latchkey.application.service.apikey.ApiKeyManagementService;
import dev.latchkey.application.service.apikey.ApiKeyQueryService;
import dev.latchkey.application.service.apikey.ApiKeyVerificationService;
import dev.latchkey.application.service.apikey.RequestSignatureService;
import dev.latchkey.application.service.idempotency.IdempotencyService;
import dev.latchkey.application.service.usage.UsageBuffer;
import dev.latchkey.application.service.usage.UsageQueryService;
import dev.latchkey.application.service.user.CurrentUserService;
import dev.latchkey.application.service.workspace.PlanOverviewService;
import dev.latchkey.application.service.workspace.WorkspaceQueryService;
import dev.latchkey.domain.user.PasswordHash;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

/** The application services are plain classes; this is where they become beans. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfiguration {

    /** Millisecond ticks: what is returned once is what is read back later. */
    @Bean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    /** bcrypt, cost 12: slow on purpose (PRODUCT.md §1). */
    @Bean
    PasswordHasher passwordHasher() {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(12);
        return new PasswordHasher() {
            @Override
            public PasswordHash hash(String password) {
                return new PasswordHash(bcrypt.encode(password));
            }

            @Override
            public boolean matches(String password, PasswordHash hash) {
                return bcrypt.matches(password, hash.value());
            }
        };
    }

    @Bean
    ServedEnvironments servedEnvironments(LatchkeyProperties properties) {
        return ServedEnvironments.parse(properties.environment());
    }

    /** The plan table: PRODUCT.md §10 with what {@code latchkey.plans.*} overrides. */
    @Bean
    Plans plans(LatchkeyProperties properties) {
        return properties.planTable();
    }

    @Bean
    AuditTrail auditTrail(AuditRepository events, Clock clock) {
        return new AuditTrail(events, clock);
    }

    @Bean
    AuditRetention auditRetention(AuditRepository events, Plans plans, Transactions transactions, Clock clock) {
        return new AuditRetention(events, plans, transactions, clock);
    }

    @Bean
    AuditQueryService auditQueryService(AuditRepository events) {
        return new AuditQueryService(events);
    }

    @Bean
    WorkspacePlanService workspacePlanService(WorkspaceRepository workspaces, Transactions transactions,
                                              AuditTrail audit, LatchkeyProperties properties) {
        Set<Email> operators = new HashSet<>();
        for (String operator : properties.operators()) {
            if (!Email.isValid(operator.strip())) {
                throw new IllegalArgumentException("latchkey.operators: '" + operator + "' is not an email address");
            }
            operators.add(new Email(operator.strip()));
        }
        return new WorkspacePlanService(workspaces, transactions, audit, operators);
    }

    @Bean
    RegisterAccountService registerAccountService(UserRepository users, WorkspaceRepository workspaces,
                                                  ApiKeyRepository keys, PasswordHasher passwordHasher,
                                                  Transactions transactions, Plans plans, AuditTrail audit,
                                                  Clock clock, SecureRandom random) {
        return new RegisterAccountService(users, workspaces, keys, passwordHasher, transactions, plans, audit, clock,
                random);
    }

    @Bean
    LoginService loginService(UserRepository users, WorkspaceRepository workspaces, PasswordHasher passwordHasher,
                              dev.latchkey.application.port.out.LoginThrottle throttle, Transactions transactions,
                              AuditTrail audit) {
        return new LoginService(users, workspaces, passwordHasher, throttle, transactions, audit);
    }

    @Bean
    UserCallerService userCallerService(UserRepository users, WorkspaceRepository workspaces, RateLimiter rateLimiter,
                                        ServedEnvironments served, LatchkeyProperties properties) {
        return new UserCallerService(users, workspaces, rateLimiter, served,
                properties.rateLimits().userRequestsPerMinute());
    }

    @Bean
    CurrentUserService currentUserService(UserRepository users, WorkspaceRepository workspaces) {
        return new CurrentUserService(users, workspaces);
    }

    @Bean
    ApiKeyAuthenticationService apiKeyAuthenticationService(ApiKeyRepository keys, WorkspaceLockRepository locks,
                                                            RateLimiter rateLimiter, UsageRecorder usage,
                                                            ServedEnvironments served, Clock clock) {
        return new ApiKeyAuthenticationService(keys, locks, rateLimiter, usage, served, clock);
    }

    @Bean
    ApiKeyQueryService apiKeyQueryService(ApiKeyRepository keys, ServedEnvironments served, Clock clock) {
        return new ApiKeyQueryService(keys, served, clock);
    }

    @Bean
    ApiKeyManagementService apiKeyManagementService(ApiKeyRepository keys, WorkspaceRepository workspaces,
                                                    SecretSealer sealer, Transactions transactions,
                                                    ServedEnvironments served, Plans plans, AuditTrail audit,
                                                    Clock clock, SecureRandom random) {
        return new ApiKeyManagementService(keys, workspaces, sealer, transactions, served, plans, audit, clock,
                random);
    }

    @Bean
    ApiKeyVerificationService apiKeyVerificationService(ApiKeyRepository keys, WorkspaceLockRepository locks,
                                                        RateLimiter rateLimiter, UsageRecorder usage, Clock clock) {
        return new ApiKeyVerificationService(keys, locks, rateLimiter, usage, clock);
    }

    @Bean
    RequestSignatureService requestSignatureService(ApiKeyRepository keys, SecretSealer sealer, Clock clock) {
        return new RequestSignatureService(keys, sealer, clock);
    }

    @Bean
    IdempotencyService idempotencyService(IdempotencyRepository records, SecretSealer sealer,
                                          Transactions transactions, Clock clock) {
        return new IdempotencyService(records, sealer, transactions, clock);
    }

    /** Key uses gathered in memory; {@link UsageFlushing} writes them on a schedule and at shutdown. */
    @Bean
    UsageBuffer usageBuffer(UsageRepository usage, Transactions transactions) {
        return new UsageBuffer(usage, transactions);
    }

    @Bean
    UsageQueryService usageQueryService(UsageRepository usage, ApiKeyRepository keys) {
        return new UsageQueryService(usage, keys);
    }

    @Bean
    WorkspaceQueryService workspaceQueryService(WorkspaceRepository workspaces) {
        return new WorkspaceQueryService(workspaces);
    }

    @Bean
    PlanOverviewService planOverviewService(WorkspaceQueryService workspace, WorkspaceRepository workspaces,
                                            ApiKeyRepository keys, InvitationRepository invitations, Plans plans,
                                            Clock clock) {
        return new PlanOverviewService(workspace, workspaces, keys, invitations, plans, clock);
    }
}
