package dev.latchkey.app;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded default keeps its data in a folder: a restart, even after a crash, keeps users and keys. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartKeepsTheRegisteredUserAndKey() {
        String key;
        try (ConfigurableApplicationContext first = start()) {
            var registration = first.getBean(RegisterAccountUseCase.class).register(
                    new RegisterAccountUseCase.RegisterAccountCommand("keep@example.com", "correct horse", "Keep"));
            key = registration.firstKey().secret().reveal();
        }
        assertThat(dataDir.resolve("postgres/postmaster.pid")).doesNotExist();

        try (ConfigurableApplicationContext second = start()) {
            var user = second.getBean(LoginUseCase.class)
                    .login(new LoginUseCase.LoginCommand("keep@example.com", "correct horse"));
            assertThat(user.memberships()).hasSize(1);
            assertThat(second.getBean(AuthenticateApiKeyUseCase.class).authenticate(key, "127.0.0.1").caller().workspaceId())
                    .isEqualTo(user.memberships().getFirst().workspaceId());
        }
    }

    @Test
    void aStalePidFileLeftByACrashDoesNotStopTheStart() throws Exception {
        try (ConfigurableApplicationContext first = start()) {
            assertThat(first.isRunning()).isTrue();
        }
        // what a crash leaves behind: a pid file naming a process that no longer exists
        Files.writeString(dataDir.resolve("postgres/postmaster.pid"), "2147483646\n" + dataDir + "\n");
        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.isRunning()).isTrue();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LatchkeyApplication.class)
                .run("--server.port=0", "--latchkey.data-dir=" + dataDir);
    }
}
