package dev.latchkey.app;

import dev.latchkey.application.port.in.AuthenticateApiKeyUseCase;
import dev.latchkey.application.port.in.RegisterAccountUseCase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** With SPRING_DATASOURCE_URL set, Latchkey uses that PostgreSQL, creates its schema there and starts none of its own. */
class ExternalDatabaseTest {

    @TempDir
    Path dataDir;

    @Test
    void aConfiguredDatasourceIsUsedInsteadOfTheEmbeddedDefault() throws Exception {
        // stands in for an operator's own server
        try (EmbeddedPostgres operatorsServer = EmbeddedPostgres.builder().start()) {
            try (Connection connection = operatorsServer.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("create database latchkey");
            }
            String url = operatorsServer.getJdbcUrl("postgres", "latchkey");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class)
                    .run("--server.port=0", "--latchkey.data-dir=" + dataDir, "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres", "--spring.datasource.password=postgres")) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                String key = app.getBean(RegisterAccountUseCase.class).register(
                                new RegisterAccountUseCase.RegisterAccountCommand("ext@example.com", "correct horse", "Ext"))
                        .firstKey().secret().reveal();
                assertThat(app.getBean(AuthenticateApiKeyUseCase.class).authenticate(key, "127.0.0.1")).isNotNull();
            }
            assertThat(dataDir.resolve("postgres")).doesNotExist();
            try (Connection connection = operatorsServer.getDatabase("postgres", "latchkey").getConnection();
                 Statement statement = connection.createStatement();
                 ResultSet users = statement.executeQuery("select email from users")) {
                assertThat(users.next()).isTrue();
                assertThat(users.getString(1)).isEqualTo("ext@example.com");
            }
        }
    }
}
