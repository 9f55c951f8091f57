package dev.latchkey.web;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetWorkspaceUseCase;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.web.security.JwtSettings;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.function.Function;

/** The /v1 adapter alone, on use cases that tests script through {@link #authenticate}. */
@SpringBootApplication
class WebTestApplication {

    static final WorkspaceId WORKSPACE = new WorkspaceId("ws_AAAAAAAAAAAAAAAAAAAAAA");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    /** What the key lookup does; a test may swap it (e.g. for an unreachable database). */
    static volatile Function<String, Caller.KeyCaller> authenticate = WebTestApplication::validKey;

    static Caller.KeyCaller validKey(String presentedKey) {
        dev.latchkey.domain.apikey.ApiKeySecret.parse(presentedKey);
        return new Caller.KeyCaller(new ApiKeyId("key_AAAAAAAAAAAAAAAAAAAAAA"), presentedKey.substring(0, 12),
                WORKSPACE, Environment.TEST, Set.of(Scope.KEYS_READ), 60);
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
        return presentedKey -> authenticate.apply(presentedKey);
    }

    @Bean
    ResolveUserCallerUseCase resolveUserCallerUseCase() {
        return (userId, workspace, environment) -> new Caller.UserCaller(userId, WORKSPACE, environment, Role.OWNER);
    }

    @Bean
    GetWorkspaceUseCase getWorkspaceUseCase() {
        return caller -> new Workspace(caller.workspaceId(), "Acme", Plan.FREE, NOW);
    }

    @Bean
    RegisterAccountUseCase registerAccountUseCase() {
        return command -> {
            throw new IllegalStateException("boom: an unexpected failure with internal details");
        };
    }

    @Bean
    LoginUseCase loginUseCase() {
        return command -> {
            throw new dev.latchkey.domain.common.DomainException(
                    dev.latchkey.domain.common.ErrorCode.CREDENTIALS_INVALID, "email or password is wrong");
        };
    }
}
