package dev.latchkey.app;

import dev.latchkey.application.port.in.RegisterAccountUseCase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Fail closed: with the database gone, nothing answers 2xx; the API says 503 unavailable as problem+json. */
class DatabaseOutageTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void aStoppedDatabaseIsA503NeverASuccess() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LatchkeyApplication.class)
                .run("--server.port=0", "--latchkey.data-dir=" + dataDir)) {
            String key = app.getBean(RegisterAccountUseCase.class).register(
                            new RegisterAccountUseCase.RegisterAccountCommand("down@example.com", "correct horse", "Down"))
                    .firstKey().secret().reveal();
            String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/v1/workspace")).header("X-Api-Key", key))
                    .statusCode()).isEqualTo(200);

            app.getBean(EmbeddedPostgres.class).close();

            assertUnavailable(send(HttpRequest.newBuilder(URI.create(base + "/v1/workspace")).header("X-Api-Key", key)), key);
            assertUnavailable(send(HttpRequest.newBuilder(URI.create(base + "/v1/auth/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"email\":\"down@example.com\",\"password\":\"correct horse\"}"))), key);
            assertThat(send(HttpRequest.newBuilder(URI.create(base + "/health"))).statusCode()).isEqualTo(503);
        }
    }

    private static void assertUnavailable(HttpResponse<String> response, String key) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"code\":\"unavailable\"").doesNotContain(key)
                .doesNotContain("Exception").doesNotContain("jdbc:");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
