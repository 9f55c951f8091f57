package dev.latchkey.app;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.PasswordHasher;
import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.service.account.LoginService;
import dev.latchkey.application.service.account.RegisterAccountService;
import dev.latchkey.application.service.account.UserCallerService;
import dev.latchkey.application.service.apikey.ApiKeyAuthenticationService;
import dev.latchkey.application.service.apikey.ApiKeyQueryService;
import dev.latchkey.application.service.workspace.WorkspaceQueryService;
import dev.latchkey.domain.user.PasswordHash;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;

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
    RegisterAccountService registerAccountService(UserRepository users, WorkspaceRepository workspaces,
                                                  ApiKeyRepository keys, PasswordHasher passwordHasher,
                                                  Transactions transactions, Clock clock, SecureRandom random) {
        return new RegisterAccountService(users, workspaces, keys, passwordHasher, transactions, clock, random);
    }

    @Bean
    LoginService loginService(UserRepository users, WorkspaceRepository workspaces, PasswordHasher passwordHasher) {
        return new LoginService(users, workspaces, passwordHasher);
    }

    @Bean
    UserCallerService userCallerService(UserRepository users, WorkspaceRepository workspaces) {
        return new UserCallerService(users, workspaces);
    }

    @Bean
    ApiKeyAuthenticationService apiKeyAuthenticationService(ApiKeyRepository keys, Clock clock) {
        return new ApiKeyAuthenticationService(keys, clock);
    }

    @Bean
    ApiKeyQueryService apiKeyQueryService(ApiKeyRepository keys) {
        return new ApiKeyQueryService(keys);
    }

    @Bean
    WorkspaceQueryService workspaceQueryService(WorkspaceRepository workspaces) {
        return new WorkspaceQueryService(workspaces);
    }
}
