package dev.latchkey.app;

import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.application.port.in.ResolveUserCallerUseCase;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SIGTERM to a running server (a separate JVM on the embedded database): the uses gathered in memory are
 * written before the database stops, so last-used times survive a graceful shutdown.
 */
class GracefulShutdownTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    @Test
    void pendingUsesAreWrittenAtShutdown() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LatchkeyApplication.class.getName(), "--server.port=" + port, "--latchkey.data-dir=" + dataDir,
                // a long interval: only the shutdown flush can write these uses
                "--latchkey.usage.flush-interval=60s")
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile()).start();
        String keyId;
        try {
            awaitHealthy(port);
            JsonNode registration = JsonMapper.builder().build().readTree(send(port, HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/v1/auth/register"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"stop@example.com\","
                            + "\"password\":\"correct horse\",\"workspaceName\":\"Stop\"}"))).body());
            keyId = registration.get("apiKey").get("id").asString();
            String key = registration.get("apiKey").get("key").asString();
            for (int i = 0; i < 3; i++) {
                assertThat(send(port, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/workspace"))
                        .header("X-Api-Key", key).GET()).statusCode()).isEqualTo(200);
            }
        } finally {
            server.destroy(); // SIGTERM
            assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("the server stops within a minute").isTrue();
        }

        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(LatchkeyApplication.class)
                .run("--server.port=0", "--latchkey.data-dir=" + dataDir)) {
            var user = restarted.getBean(LoginUseCase.class)
                    .login(new LoginUseCase.LoginCommand("stop@example.com", "correct horse"));
            var caller = restarted.getBean(ResolveUserCallerUseCase.class)
                    .resolve(user.account().id(), Optional.empty(), Environment.TEST);
            ApiKey key = restarted.getBean(FindApiKeysUseCase.class).get(caller, new ApiKeyId(keyId));
            assertThat(key.lastUsedAt()).as("written by the shutdown flush").isNotNull()
                    .isAfter(Instant.now().minus(Duration.ofMinutes(5)));
        }
    }

    private static void awaitHealthy(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (send(port, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/health")).GET())
                        .statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the server did not become healthy within 90 s");
    }

    private static HttpResponse<String> send(int port, HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
