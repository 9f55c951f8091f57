package dev.latchkey.app.contract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.json;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plan gates on each plan, the operator's plan change, and the audit log of it all, over HTTP. The deployment
 * overrides one limit ({@code latchkey.plans.free.keys-per-environment=3}) to show the table is configuration.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"latchkey.data-dir=target/test-data/${random.uuid}", "latchkey.operators=ops@example.com",
                "latchkey.plans.free.keys-per-environment=3"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansAndAuditHttpTest {

    @Value("${local.server.port}")
    int port;

    private ApiClient api;
    private String operator;

    @BeforeAll
    void registerTheOperator() {
        api = new ApiClient(port);
        operator = register("ops@example.com").get("access_token").asString();
    }

    private JsonNode register(String email) {
        return ok(api.post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\","
                + "\"workspaceName\":\"Acme\"}"), 201);
    }

    private static String newEmail() {
        return "owner-" + UUID.randomUUID() + "@example.com";
    }

    private void setPlan(String workspaceId, String plan) {
        JsonNode workspace = ok(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"" + plan + "\",\"workspaceId\":\""
                + workspaceId + "\"}", "Authorization", bearer(operator)), 200);
        assertThat(workspace.get("plan").asString()).isEqualTo(plan);
    }

    private java.net.http.HttpResponse<String> create(String token, String body) {
        return api.post("/v1/keys", body, "Authorization", bearer(token));
    }

    @Test
    void eachGatedFeatureOnEachPlan() {
        JsonNode owner = register(newEmail());
        String token = owner.get("access_token").asString();
        String workspaceId = owner.get("workspace").get("id").asString();
        String restricted = "{\"name\":\"ci\",\"type\":\"rk\",\"scopes\":[\"keys:read\"]}";
        String custom = "{\"name\":\"browser\",\"type\":\"pk\",\"scopes\":[\"resources:read\"]}";
        String signing = "{\"name\":\"signer\",\"type\":\"sk\",\"signing\":true}";
        String allowlist = "{\"name\":\"office\",\"type\":\"sk\",\"ipAllowlist\":[\"127.0.0.1\"]}";

        assertThat(problem(create(token, restricted), 403, "plan_required").get("detail").asString())
                .isEqualTo("Restricted keys are not available on the free plan. Upgrade to Pro, Scale or Enterprise.");
        problem(create(token, custom), 403, "plan_required");
        problem(create(token, signing), 403, "plan_required");
        assertThat(problem(create(token, allowlist), 403, "plan_required").get("detail").asString())
                .isEqualTo("IP allowlists are not available on the free plan. Upgrade to Scale or Enterprise.");

        setPlan(workspaceId, "PRO");
        ok(create(token, restricted), 201);
        ok(create(token, custom), 201);
        ok(create(token, signing), 201);
        assertThat(problem(create(token, allowlist), 403, "plan_required").get("detail").asString())
                .isEqualTo("IP allowlists are not available on the pro plan. Upgrade to Scale or Enterprise.");

        setPlan(workspaceId, "SCALE");
        JsonNode office = ok(create(token, allowlist), 201);
        ok(api.get("/v1/workspace", "Authorization", bearer(office.get("key").asString())), 200);

        setPlan(workspaceId, "FREE");
        ok(api.get("/v1/workspace", "Authorization", bearer(office.get("key").asString())), 200); // keys keep working
        problem(create(token, allowlist), 403, "plan_required");
    }

    @Test
    void theConfiguredKeyCountIsEnforcedPerEnvironment() {
        JsonNode owner = register(newEmail());
        String token = owner.get("access_token").asString(); // registration made the first test key
        ok(create(token, "{\"name\":\"two\",\"type\":\"sk\"}"), 201);
        ok(create(token, "{\"name\":\"three\",\"type\":\"sk\"}"), 201);

        assertThat(problem(create(token, "{\"name\":\"four\",\"type\":\"sk\"}"), 403, "plan_required")
                .get("detail").asString()).isEqualTo("The free plan allows 3 active keys per environment. "
                + "Upgrade to Pro, Scale or Enterprise.");
        ok(api.post("/v1/keys", "{\"name\":\"live one\",\"type\":\"sk\"}", "Authorization", bearer(token),
                "Latchkey-Environment", "live"), 201);
    }

    @Test
    void onlyAnOperatorSetsAPlanAndABadPlanIsAFieldError() {
        JsonNode owner = register(newEmail());
        String token = owner.get("access_token").asString();

        problem(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"ENTERPRISE\"}", "Authorization", bearer(token)),
                403, "role_forbidden");
        JsonNode invalid = problem(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"GOLD\"}", "Authorization",
                bearer(operator)), 422, "validation_failed");
        assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("plan");
        problem(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"PRO\",\"workspaceId\":\"ws_nothing\"}",
                "Authorization", bearer(operator)), 404, "not_found");
        problem(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"PRO\"}", "X-Api-Key",
                owner.get("apiKey").get("key").asString()), 401, "auth_invalid");
        assertThat(ok(api.get("/v1/workspace", "Authorization", bearer(token)), 200).get("plan").asString())
                .isEqualTo("FREE");
    }

    @Test
    void theAuditLogRecordsEachChangeWithItsActorAndFiltersIt() {
        JsonNode owner = register(newEmail());
        String token = owner.get("access_token").asString();
        String workspaceId = owner.get("workspace").get("id").asString();
        String firstKey = owner.get("apiKey").get("key").asString();
        JsonNode created = ok(api.post("/v1/keys", "{\"name\":\"made by a key\",\"type\":\"sk\"}", "X-Api-Key",
                firstKey), 201);
        String createdId = created.get("id").asString();
        ok(api.send("PATCH", "/v1/keys/" + createdId, "{\"name\":\"renamed\"}", "Authorization", bearer(token)), 200);
        ok(api.post("/v1/keys/" + createdId + "/revoke", null, "Authorization", bearer(token)), 200);
        setPlan(workspaceId, "PRO");

        JsonNode events = ok(api.get("/v1/audit-events", "Authorization", bearer(token)), 200);
        List<String> actions = new ArrayList<>();
        events.get("data").forEach(event -> actions.add(event.get("action").asString()));
        assertThat(actions.subList(0, 4)).containsExactly("workspace.plan_changed", "key.revoked", "key.edited",
                "key.created");
        // registration records both at the same instant: their order among themselves is not defined
        assertThat(actions.subList(4, 6)).containsExactlyInAnyOrder("key.created", "workspace.created");
        JsonNode byKey = events.get("data").get(3);
        assertThat(byKey.get("actor").get("type").asString()).isEqualTo("key");
        assertThat(byKey.get("actor").get("label").asString()).isEqualTo(firstKey.substring(0, 12));
        assertThat(byKey.get("target").get("id").asString()).isEqualTo(createdId);
        assertThat(byKey.get("environment").asString()).isEqualTo("test");
        assertThat(byKey.get("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(events.get("data").get(0).get("actor").get("label").asString()).isEqualTo("ops@example.com");
        assertThat(events.get("data").get(0).get("environment").isNull()).isTrue();
        assertThat(events.toString()).doesNotContain(firstKey).doesNotContain(created.get("key").asString());

        JsonNode revokes = ok(api.get("/v1/audit-events?action=key.revoked", "Authorization", bearer(token)), 200);
        assertThat(revokes.get("data")).hasSize(1);
        JsonNode ofTheKey = ok(api.get("/v1/audit-events?targetId=" + createdId, "Authorization", bearer(token)), 200);
        assertThat(ofTheKey.get("data")).hasSize(3);
        JsonNode page = ok(api.get("/v1/audit-events?limit=2", "Authorization", bearer(token)), 200);
        assertThat(page.get("hasMore").asBoolean()).isTrue();
        JsonNode next = ok(api.get("/v1/audit-events?limit=2&cursor=" + page.get("nextCursor").asString(),
                "Authorization", bearer(token)), 200);
        assertThat(next.get("data").get(0).get("action").asString()).isEqualTo("key.edited");
        problem(api.get("/v1/audit-events?action=key.exploded", "Authorization", bearer(token)), 422,
                "validation_failed");
        // the first key is a secret key: it holds audit:read
        assertThat(json(api.get("/v1/audit-events", "X-Api-Key", firstKey)).get("data")).hasSize(6);
    }

    @Test
    void aKeyWithoutAuditReadIsRefused() {
        JsonNode owner = register(newEmail());
        setPlan(owner.get("workspace").get("id").asString(), "PRO");
        JsonNode reader = ok(create(owner.get("access_token").asString(),
                "{\"name\":\"reader\",\"type\":\"rk\",\"scopes\":[\"keys:read\"]}"), 201);

        problem(api.get("/v1/audit-events", "X-Api-Key", reader.get("key").asString()), 403, "scope_missing");
    }
}
