package dev.latchkey.app.contract;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** A deployment pinned to live ({@code latchkey.environment=live}) refuses test credentials (PRODUCT.md §1). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"latchkey.data-dir=target/test-data/${random.uuid}", "latchkey.environment=live"})
class PinnedEnvironmentHttpTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void credentialsOfTheOtherEnvironmentAreRefused() {
        ApiClient api = new ApiClient(port);
        JsonNode registration = ok(api.post("/v1/auth/register", "{\"email\":\"pinned-" + UUID.randomUUID()
                + "@example.com\",\"password\":\"correct horse battery\",\"workspaceName\":\"Live Co\"}"), 201);
        String token = registration.get("access_token").asString();
        String testKey = registration.get("apiKey").get("key").asString();

        problem(api.get("/v1/workspace", "X-Api-Key", testKey), 401, "auth_environment");
        problem(api.get("/v1/workspace", "Authorization", bearer(token), "Latchkey-Environment", "test"), 401,
                "auth_environment");
        assertThat(ok(api.get("/v1/workspace", "Authorization", bearer(token)), 200).get("environment").asString())
                .as("users work in the served environment by default").isEqualTo("live");
        problem(api.post("/v1/keys", "{\"name\":\"t\",\"type\":\"sk\",\"environment\":\"test\"}",
                "Authorization", bearer(token)), 422, "validation_failed");
        JsonNode live = ok(api.post("/v1/keys", "{\"name\":\"l\",\"type\":\"sk\"}", "Authorization", bearer(token)),
                201);
        assertThat(ok(api.get("/v1/workspace", "X-Api-Key", live.get("key").asString()), 200)
                .get("environment").asString()).isEqualTo("live");
    }
}
