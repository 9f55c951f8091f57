package dev.latchkey.app.contract;

import dev.latchkey.application.service.usage.UsageBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.json;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key contract of PRODUCT.md §3-§8 and §12 over real HTTP against embedded PostgreSQL, as a client sees it:
 * lifecycle, scopes, environments, rate limits, signing, idempotency, verify, usage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"latchkey.data-dir=target/test-data/${random.uuid}", "latchkey.usage.flush-interval=60s",
                "latchkey.operators=operator@example.com"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyContractHttpTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UsageBuffer usage;

    private ApiClient api;
    private String token;
    private String workspaceId;

    @BeforeAll
    void register() {
        api = new ApiClient(port);
        JsonNode registration = ok(api.post("/v1/auth/register", "{\"email\":\"owner-" + UUID.randomUUID()
                + "@example.com\",\"password\":\"correct horse battery\",\"workspaceName\":\"Acme\"}"), 201);
        token = registration.get("access_token").asString();
        workspaceId = registration.get("workspace").get("id").asString();
        // every feature of the contract: an operator puts the workspace on the Scale plan
        String operator = ok(api.post("/v1/auth/register", "{\"email\":\"operator@example.com\","
                + "\"password\":\"correct horse battery\",\"workspaceName\":\"Operations\"}"), 201)
                .get("access_token").asString();
        ok(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"SCALE\",\"workspaceId\":\"" + workspaceId + "\"}",
                "Authorization", bearer(operator)), 200);
    }

    /** Creates a key as the owner (JWT) in {@code environment}; returns the 201 body (with its secret). */
    private JsonNode create(String environment, String json) {
        HttpResponse<String> response = api.post("/v1/keys", json, "Authorization", bearer(token),
                "Latchkey-Environment", environment);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        JsonNode body = json(response);
        assertThat(response.headers().firstValue("Location")).hasValue("/v1/keys/" + body.get("id").asString());
        return body;
    }

    private JsonNode createSecret(String environment, int rateLimit) {
        return create(environment, "{\"name\":\"backend\",\"type\":\"sk\",\"rateLimit\":{\"requestsPerMinute\":"
                + rateLimit + "}}");
    }

    private HttpResponse<String> withKey(String method, String path, String body, String key, String... headers) {
        List<String> all = new ArrayList<>(List.of("X-Api-Key", key));
        all.addAll(List.of(headers));
        return api.send(method, path, body, all.toArray(String[]::new));
    }

    private static String secretOf(JsonNode created) {
        return created.get("key").asString();
    }

    // ---- lifecycle -----------------------------------------------------------------------------------------

    @Test
    void everyTypeIsCreatedInBothEnvironmentsAndShownOnce() {
        for (String environment : List.of("test", "live")) {
            JsonNode secret = create(environment, "{\"name\":\"server\",\"type\":\"sk\",\"scopes\":[\"jobs:write\"]}");
            JsonNode restricted = create(environment,
                    "{\"name\":\"ci\",\"type\":\"rk\",\"scopes\":[\"keys:read\",\"resources:read\"]}");
            JsonNode publishable = create(environment,
                    "{\"name\":\"browser\",\"type\":\"pk\",\"scopes\":[\"resources:read\"]}");
            for (JsonNode key : List.of(secret, restricted, publishable)) {
                String type = key.get("type").asString();
                assertThat(secretOf(key)).matches(type + "_" + environment + "_[0-9A-Za-z]{32}");
                assertThat(key.get("environment").asString()).isEqualTo(environment);
                assertThat(key.get("prefix").asString()).isEqualTo(secretOf(key).substring(0, 12));
                assertThat(key.get("last4").asString()).isEqualTo(secretOf(key).substring(36));
                assertThat(key.get("status").asString()).isEqualTo("active");
                assertThat(key.get("rateLimit").get("requestsPerMinute").asInt()).as("the Scale plan's default").isEqualTo(6000);
                assertThat(key.get("ipAllowlist").isArray()).isTrue();
                assertThat(key.get("signing").asBoolean()).isFalse();
                assertThat(key.has("rolledToId")).isTrue();
                JsonNode read = ok(api.get("/v1/keys/" + key.get("id").asString(), "Authorization", bearer(token),
                        "Latchkey-Environment", environment), 200);
                assertThat(read.has("key")).as("the secret is shown once").isFalse();
                assertThat(read.get("id")).isEqualTo(key.get("id"));
            }
            assertThat(secret.get("scopes")).extracting(JsonNode::asString)
                    .contains("workspace:read", "keys:write", "webhooks:write", "jobs:write");
            assertThat(restricted.get("scopes")).extracting(JsonNode::asString)
                    .containsExactly("keys:read", "resources:read");
            assertThat(publishable.get("scopes")).extracting(JsonNode::asString).containsExactly("resources:read");
        }
    }

    @Test
    void invalidKeysAreRefusedFieldByFieldAndNothingIsStored() {
        int before = jdbc.queryForObject("select count(*) from api_keys", Integer.class);
        JsonNode invalid = problem(api.post("/v1/keys", "{\"name\":\" \",\"type\":\"xk\",\"scopes\":[\"Bad Scope\"],"
                + "\"rateLimit\":{\"requestsPerMinute\":0},\"ipAllowlist\":[\"not-an-ip\"]}",
                "Authorization", bearer(token)), 422, "validation_failed");
        assertThat(invalid.get("errors")).extracting(error -> error.get("field").asString())
                .contains("name", "type", "scopes[0]", "rateLimit.requestsPerMinute", "ipAllowlist[0]");
        problem(api.post("/v1/keys", "{\"name\":\"p\",\"type\":\"pk\",\"scopes\":[\"keys:write\"]}",
                "Authorization", bearer(token)), 422, "validation_failed");
        problem(api.post("/v1/keys", "{\"name\":\"s\",\"type\":\"rk\",\"scopes\":[\"keys:read\"],\"signing\":true}",
                "Authorization", bearer(token)), 422, "validation_failed");
        problem(api.post("/v1/keys", "{\"name\":\"fast\",\"type\":\"sk\",\"rateLimit\":{\"requestsPerMinute\":60001}}",
                "Authorization", bearer(token)), 422, "validation_failed");
        problem(api.post("/v1/keys", "{\"name\":\"old\",\"type\":\"sk\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}",
                "Authorization", bearer(token)), 422, "validation_failed");
        for (String far : List.of("+300000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z")) {
            problem(api.post("/v1/keys", "{\"name\":\"far\",\"type\":\"sk\",\"expiresAt\":\"" + far + "\"}",
                    "Authorization", bearer(token)), 422, "validation_failed");
        }
        for (String rate : List.of("1.5", "99999999999", "1e30", "\"x\"")) {
            JsonNode wrong = problem(api.post("/v1/keys", "{\"name\":\"r\",\"type\":\"sk\",\"rateLimit\":"
                    + "{\"requestsPerMinute\":" + rate + "}}", "Authorization", bearer(token)), 422, "validation_failed");
            assertThat(wrong.get("errors").get(0).get("field").asString()).isEqualTo("rateLimit.requestsPerMinute");
        }
        problem(api.post("/v1/keys", "{\"name\":", "Authorization", bearer(token)), 400, "bad_request");
        problem(api.post("/v1/keys", "{\"name\":\"big\",\"type\":\"sk\",\"pad\":\"" + "x".repeat(1_100_000) + "\"}",
                "Authorization", bearer(token)), 413, "payload_too_large");
        assertThat(jdbc.queryForObject("select count(*) from api_keys", Integer.class)).isEqualTo(before);
    }

    @Test
    void listsArePagedFilteredAndConfinedToTheCallersEnvironment() {
        JsonNode admin = createSecret("test", 600);
        String adminKey = secretOf(admin);
        for (int i = 0; i < 3; i++) {
            create("test", "{\"name\":\"page-" + i + "\",\"type\":\"pk\"}");
        }
        JsonNode live = create("live", "{\"name\":\"live-only\",\"type\":\"sk\"}");

        JsonNode first = ok(withKey("GET", "/v1/keys?limit=2", null, adminKey), 200);
        assertThat(first.get("data")).hasSize(2);
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode second = ok(withKey("GET", "/v1/keys?limit=2&cursor=" + first.get("nextCursor").asString(), null,
                adminKey), 200);
        assertThat(second.get("data").get(0).get("id")).isNotEqualTo(first.get("data").get(1).get("id"));
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = ok(withKey("GET", "/v1/keys?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
                    null, adminKey), 200);
            page.get("data").forEach(key -> {
                assertThat(key.get("environment").asString()).isEqualTo("test");
                assertThat(key.has("key")).isFalse();
                all.add(key.get("id").asString());
            });
            cursor = page.get("hasMore").asBoolean() ? page.get("nextCursor").asString() : null;
        } while (cursor != null);
        assertThat(all).doesNotHaveDuplicates().doesNotContain(live.get("id").asString());

        JsonNode publishable = ok(withKey("GET", "/v1/keys?type=pk&status=active", null, adminKey), 200);
        assertThat(publishable.get("data")).isNotEmpty()
                .allSatisfy(key -> assertThat(key.get("type").asString()).isEqualTo("pk"));
        problem(withKey("GET", "/v1/keys?limit=0", null, adminKey), 422, "validation_failed");
        problem(withKey("GET", "/v1/keys?type=xx", null, adminKey), 422, "validation_failed");
        problem(withKey("GET", "/v1/keys?environment=live", null, adminKey), 422, "validation_failed");
        JsonNode liveByUser = ok(api.get("/v1/keys?limit=100&environment=live", "Authorization", bearer(token)), 200);
        assertThat(liveByUser.get("data")).isNotEmpty()
                .allSatisfy(key -> assertThat(key.get("environment").asString()).isEqualTo("live"));
        problem(withKey("GET", "/v1/keys/" + live.get("id").asString(), null, adminKey), 404, "not_found");
        problem(withKey("POST", "/v1/keys/" + live.get("id").asString() + "/revoke", "", adminKey), 404, "not_found");
        problem(withKey("GET", "/v1/keys/not-a-key-id", null, adminKey), 404, "not_found");
    }

    @Test
    void editChangesOnlyTheEditableFields() {
        String adminKey = secretOf(createSecret("test", 600));
        JsonNode key = create("test", "{\"name\":\"ci\",\"type\":\"rk\",\"scopes\":[\"keys:read\"]}");
        String path = "/v1/keys/" + key.get("id").asString();
        JsonNode edited = ok(withKey("PATCH", path, "{\"name\":\"ci-2\",\"scopes\":[\"keys:read\",\"usage:read\"],"
                + "\"rateLimit\":{\"requestsPerMinute\":100},\"ipAllowlist\":[\"10.1.2.3/8\"]}", adminKey), 200);
        assertThat(edited.get("name").asString()).isEqualTo("ci-2");
        assertThat(edited.get("scopes")).extracting(JsonNode::asString).containsExactly("keys:read", "usage:read");
        assertThat(edited.get("rateLimit").get("requestsPerMinute").asInt()).isEqualTo(100);
        assertThat(edited.get("ipAllowlist")).extracting(JsonNode::asString).containsExactly("10.0.0.0/8");
        assertThat(edited.get("prefix")).isEqualTo(key.get("prefix"));
        JsonNode immutable = problem(withKey("PATCH", path, "{\"type\":\"sk\",\"environment\":\"live\"}", adminKey),
                422, "validation_failed");
        assertThat(immutable.get("errors")).extracting(error -> error.get("field").asString())
                .contains("type", "environment");
        assertThat(ok(withKey("GET", path, null, adminKey), 200).get("type").asString()).isEqualTo("rk");
    }

    @Test
    void aKeyNeverGrantsAScopeItsCreatorLacks() {
        JsonNode writer = create("test", "{\"name\":\"writer\",\"type\":\"rk\",\"scopes\":[\"keys:write\","
                + "\"keys:read\"],\"rateLimit\":{\"requestsPerMinute\":600}}");
        String writerKey = secretOf(writer);
        JsonNode child = ok(withKey("POST", "/v1/keys", "{\"name\":\"child\",\"type\":\"rk\",\"scopes\":[\"keys:read\"]}",
                writerKey), 201);
        assertThat(child.get("environment").asString()).isEqualTo("test");
        JsonNode missing = problem(withKey("POST", "/v1/keys", "{\"name\":\"escalate\",\"type\":\"sk\"}", writerKey),
                403, "scope_missing");
        assertThat(missing.get("detail").asString()).contains("secret key");
        problem(withKey("POST", "/v1/keys", "{\"name\":\"r\",\"type\":\"rk\",\"scopes\":[\"audit:read\"]}", writerKey),
                403, "scope_missing");
        problem(withKey("POST", "/v1/keys", "{\"name\":\"l\",\"type\":\"rk\",\"scopes\":[\"keys:read\"],"
                + "\"environment\":\"live\"}", writerKey), 422, "validation_failed");
        problem(withKey("PATCH", "/v1/keys/" + child.get("id").asString(), "{\"scopes\":[\"keys:read\",\"audit:read\"]}",
                writerKey), 403, "scope_missing");
        JsonNode reader = create("test", "{\"name\":\"reader\",\"type\":\"rk\",\"scopes\":[\"keys:read\"]}");
        JsonNode noWrite = problem(withKey("POST", "/v1/keys", "{\"name\":\"x\",\"type\":\"pk\"}", secretOf(reader)),
                403, "scope_missing");
        assertThat(noWrite.get("detail").asString()).contains("keys:write");
        problem(withKey("GET", "/v1/workspace", null, secretOf(reader)), 403, "scope_missing");
    }

    @Test
    void aMembersTokenReadsButNeverWrites() {
        JsonNode member = ok(api.post("/v1/auth/register", "{\"email\":\"member-" + UUID.randomUUID()
                + "@example.com\",\"password\":\"correct horse battery\",\"workspaceName\":\"Own\"}"), 201);
        jdbc.update("insert into memberships (workspace_id, user_id, role, joined_at) values (?, ?, 'MEMBER', now())",
                workspaceId, memberUserId(member));
        String memberToken = member.get("access_token").asString();
        JsonNode key = createSecret("test", 60);
        String[] asMember = {"Authorization", bearer(memberToken), "Latchkey-Workspace", workspaceId};
        assertThat(ok(api.get("/v1/keys", asMember), 200).get("data")).isNotEmpty();
        String path = "/v1/keys/" + key.get("id").asString();
        problem(api.post("/v1/keys", "{\"name\":\"x\",\"type\":\"sk\"}", asMember), 403, "role_forbidden");
        problem(api.send("PATCH", path, "{\"name\":\"x\"}", asMember), 403, "role_forbidden");
        problem(api.post(path + "/roll", "{}", asMember), 403, "role_forbidden");
        problem(api.post(path + "/revoke", "", asMember), 403, "role_forbidden");
        assertThat(ok(api.get(path, "Authorization", bearer(token)), 200).get("status").asString())
                .isEqualTo("active");
    }

    private String memberUserId(JsonNode registration) {
        return ok(api.get("/v1/auth/me", "Authorization", bearer(registration.get("access_token").asString())), 200)
                .get("id").asString();
    }

    // ---- roll, revoke, expiry ----------------------------------------------------------------------------

    @Test
    void aRolledKeyWorksThroughItsGraceAndItsSuccessorTakesOver() {
        JsonNode old = create("test", "{\"name\":\"rotating\",\"type\":\"rk\",\"scopes\":[\"keys:read\"],"
                + "\"expiresAt\":\"2099-01-01T00:00:00Z\",\"rateLimit\":{\"requestsPerMinute\":300}}");
        String path = "/v1/keys/" + old.get("id").asString();
        JsonNode successor = ok(api.post(path + "/roll", "{\"expiresInSeconds\":3600}", "Authorization",
                bearer(token)), 201);
        assertThat(secretOf(successor)).startsWith("rk_test_").isNotEqualTo(secretOf(old));
        assertThat(successor.get("name")).isEqualTo(old.get("name"));
        assertThat(successor.get("scopes")).isEqualTo(old.get("scopes"));
        assertThat(successor.get("rateLimit")).isEqualTo(old.get("rateLimit"));
        assertThat(successor.get("expiresAt")).isEqualTo(old.get("expiresAt"));
        JsonNode retired = ok(api.get(path, "Authorization", bearer(token)), 200);
        assertThat(retired.get("status").asString()).isEqualTo("expiring");
        assertThat(retired.get("rolledToId")).isEqualTo(successor.get("id"));
        assertThat(Instant.parse(retired.get("expiresAt").asString()))
                .isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
        ok(withKey("GET", "/v1/keys", null, secretOf(old)), 200);
        ok(withKey("GET", "/v1/keys", null, secretOf(successor)), 200);
        problem(api.post(path + "/roll", "{}", "Authorization", bearer(token)), 409, "conflict");
        problem(api.post(path + "/roll", "{\"expiresInSeconds\":604801}", "Authorization", bearer(token)), 422,
                "validation_failed");
    }

    @Test
    void aRollWithoutGraceRevokesAtOnceAndNeverOutlivesTheOldExpiry() {
        JsonNode now = createSecret("test", 60);
        JsonNode next = ok(api.post("/v1/keys/" + now.get("id").asString() + "/roll", "{\"expiresInSeconds\":0}",
                "Authorization", bearer(token)), 201);
        problem(withKey("GET", "/v1/keys", null, secretOf(now)), 401, "auth_revoked");
        ok(withKey("GET", "/v1/keys", null, secretOf(next)), 200);

        Instant soon = Instant.now().plusSeconds(600).plusNanos(123_456); // stored as milliseconds
        JsonNode shortLived = create("test", "{\"name\":\"short\",\"type\":\"sk\",\"expiresAt\":\"" + soon + "\"}");
        ok(api.post("/v1/keys/" + shortLived.get("id").asString() + "/roll", "{}", "Authorization", bearer(token)),
                201);
        JsonNode retired = ok(api.get("/v1/keys/" + shortLived.get("id").asString(), "Authorization", bearer(token)),
                200);
        assertThat(Instant.parse(retired.get("expiresAt").asString())).isBeforeOrEqualTo(soon);
    }

    @Test
    void ofConcurrentRollsExactlyOneWins() throws Exception {
        JsonNode key = create("test", "{\"name\":\"racer\",\"type\":\"sk\"}");
        String path = "/v1/keys/" + key.get("id").asString() + "/roll";
        int racers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Callable<Integer> roll = () -> {
                    start.await();
                    return api.post(path, "{}", "Authorization", bearer(token)).statusCode();
                };
                statuses.add(pool.submit(roll));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertThat(results).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from api_keys where name = 'racer' and workspace_id = ?",
                Integer.class, workspaceId)).as("the losers' successors were rolled back").isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from api_keys a join api_keys b on b.id = a.rolled_to_id "
                + "where a.id = ?", Integer.class, key.get("id").asString())).isEqualTo(1);
    }

    @Test
    void aRevokedKeyIsRefusedAtTheNextRequest() {
        JsonNode key = createSecret("test", 60);
        ok(withKey("GET", "/v1/workspace", null, secretOf(key)), 200);
        JsonNode revoked = ok(api.post("/v1/keys/" + key.get("id").asString() + "/revoke", "",
                "Authorization", bearer(token)), 200);
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        problem(withKey("GET", "/v1/workspace", null, secretOf(key)), 401, "auth_revoked");
        JsonNode again = ok(api.post("/v1/keys/" + key.get("id").asString() + "/revoke", "",
                "Authorization", bearer(token)), 200);
        assertThat(again.get("revokedAt")).isEqualTo(revoked.get("revokedAt"));
    }

    @Test
    void anExpiredKeyIsRefused() throws Exception {
        Instant expiry = Instant.now().plusSeconds(2);
        JsonNode key = create("test", "{\"name\":\"brief\",\"type\":\"sk\",\"expiresAt\":\"" + expiry + "\"}");
        ok(withKey("GET", "/v1/workspace", null, secretOf(key)), 200);
        while (Instant.now().isBefore(expiry.plusMillis(200))) {
            Thread.sleep(100);
        }
        problem(withKey("GET", "/v1/workspace", null, secretOf(key)), 401, "auth_expired");
        assertThat(ok(api.get("/v1/keys/" + key.get("id").asString(), "Authorization", bearer(token)), 200)
                .get("status").asString()).isEqualTo("expired");
    }

    // ---- rate limits, allowlists, endpoint matrix ------------------------------------------------------

    @Test
    void everyAuthenticatedResponseCarriesTheRateLimitAndTheLimitIsEnforced() {
        String key = secretOf(createSecret("test", 3));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = withKey("GET", "/v1/workspace", null, key);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("RateLimit-Limit")).hasValue("3");
            assertThat(response.headers().firstValue("RateLimit-Remaining")).hasValue(String.valueOf(2 - i));
            assertThat(response.headers().firstValueAsLong("RateLimit-Reset").orElse(-1)).isBetween(0L, 60L);
        }
        HttpResponse<String> limited = withKey("GET", "/v1/workspace", null, key);
        problem(limited, 429, "rate_limited");
        assertThat(limited.headers().firstValueAsLong("Retry-After").orElse(0)).isBetween(1L, 60L);
        assertThat(limited.headers().firstValue("RateLimit-Remaining")).hasValue("0");
    }

    @Test
    void anIpAllowlistRefusesOtherAddresses() {
        JsonNode elsewhere = create("test", "{\"name\":\"office\",\"type\":\"sk\",\"ipAllowlist\":[\"203.0.113.0/24\"]}");
        problem(withKey("GET", "/v1/workspace", null, secretOf(elsewhere)), 403, "ip_not_allowed");
        problem(api.get("/v1/workspace", "Authorization", bearer(secretOf(elsewhere)), "X-Forwarded-For",
                "203.0.113.9"), 403, "ip_not_allowed"); // no trusted proxies: a client cannot claim an address
        JsonNode here = create("test", "{\"name\":\"local\",\"type\":\"sk\",\"ipAllowlist\":[\"127.0.0.1\",\"::1\"]}");
        ok(withKey("GET", "/v1/workspace", null, secretOf(here)), 200);
    }

    @Test
    void theEndpointMatrixIsEnforced() {
        String key = secretOf(createSecret("test", 60));
        JsonNode me = ok(api.get("/v1/auth/me", "Authorization", bearer(token)), 200);
        assertThat(me.get("id").asString()).startsWith("usr_");
        assertThat(me.get("workspace").get("id").asString()).isEqualTo(workspaceId);
        problem(api.get("/v1/auth/me", "X-Api-Key", key), 401, "auth_invalid");
        problem(api.post("/v1/keys/verify", "{\"key\":\"" + key + "\",\"scopes\":[]}", "Authorization",
                bearer(token)), 401, "auth_invalid");
        problem(api.get("/v1/keys"), 401, "auth_missing");
    }

    // ---- signing -----------------------------------------------------------------------------------------

    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void signedRequestsAreCheckedInBothForms() {
        String plain = secretOf(createSecret("live", 600));
        String body = "{\"name\":\"signed-child\",\"type\":\"pk\"}";
        problem(withKey("POST", "/v1/keys", body, plain, "X-Latchkey-Signature", "sha256=" + hmac(plain, body)),
                401, "hmac_no_secret");

        JsonNode signer = create("live", "{\"name\":\"signer\",\"type\":\"sk\",\"signing\":true,"
                + "\"rateLimit\":{\"requestsPerMinute\":600}}");
        assertThat(signer.get("signing").asBoolean()).isTrue();
        String secret = secretOf(signer);
        assertThat(jdbc.queryForObject("select count(*) from api_keys where id = ? and sealed_secret is not null "
                + "and position(convert_to(?, 'UTF8') in sealed_secret) = 0", Integer.class,
                signer.get("id").asString(), secret)).as("sealed, never in plain text").isEqualTo(1);

        ok(withKey("POST", "/v1/keys", body, secret, "X-Latchkey-Signature", "sha256=" + hmac(secret, body)), 201);
        long t = Instant.now().getEpochSecond();
        ok(withKey("POST", "/v1/keys", body, secret, "X-Latchkey-Signature",
                "t=" + t + ",sha256=" + hmac(secret, t + "." + body)), 201);
        // any active signing key of the workspace+environment may sign, also for another key's request
        ok(withKey("POST", "/v1/keys", body, plain, "X-Latchkey-Signature", "sha256=" + hmac(secret, body)), 201);
        problem(withKey("POST", "/v1/keys", body, secret), 401, "hmac_required");
        problem(withKey("POST", "/v1/keys", body, secret, "X-Latchkey-Signature", "sha256=" + hmac(secret, body + " ")),
                401, "hmac_invalid");
        problem(withKey("POST", "/v1/keys", body, secret, "X-Latchkey-Signature", "sha256=nothex"), 401,
                "hmac_invalid");
        long old = t - 301;
        problem(withKey("POST", "/v1/keys", body, secret, "X-Latchkey-Signature",
                "t=" + old + ",sha256=" + hmac(secret, old + "." + body)), 401, "hmac_expired");
    }

    // ---- idempotency ---------------------------------------------------------------------------------------

    @Test
    void aRetriedPostReplaysTheFirstResponse() {
        String key = secretOf(createSecret("test", 600));
        String idempotencyKey = UUID.randomUUID().toString();
        String body = "{\"name\":\"once\",\"type\":\"pk\"}";
        HttpResponse<String> first = withKey("POST", "/v1/keys", body, key, "Idempotency-Key", idempotencyKey);
        HttpResponse<String> replay = withKey("POST", "/v1/keys", body, key, "Idempotency-Key", idempotencyKey);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(jdbc.queryForObject("select count(*) from api_keys where workspace_id = ? and name = 'once'",
                Integer.class, workspaceId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from idempotency_records where position(convert_to(?, 'UTF8') "
                + "in body) > 0", Integer.class, json(first).get("key").asString()))
                .as("the replayed secret is stored sealed").isZero();
        problem(withKey("POST", "/v1/keys", "{\"name\":\"other\",\"type\":\"pk\"}", key, "Idempotency-Key",
                idempotencyKey), 409, "idempotency_conflict");
        String otherKey = secretOf(createSecret("test", 60));
        assertThat(withKey("POST", "/v1/keys", body, otherKey, "Idempotency-Key", idempotencyKey).statusCode())
                .as("scoped to the credential").isEqualTo(201);
        problem(withKey("POST", "/v1/keys", body, key, "Idempotency-Key", "x".repeat(256)), 400, "bad_request");
    }

    // ---- verify --------------------------------------------------------------------------------------------

    private JsonNode verify(String callerKey, String key, String scopes) {
        return ok(withKey("POST", "/v1/keys/verify", "{\"key\":\"" + key + "\",\"scopes\":" + scopes + "}",
                callerKey), 200);
    }

    @Test
    void verifyAnswersEveryCode() throws Exception {
        String verifier = secretOf(create("test", "{\"name\":\"gateway\",\"type\":\"rk\",\"scopes\":[\"keys:verify\"],"
                + "\"rateLimit\":{\"requestsPerMinute\":600}}"));
        JsonNode product = create("test", "{\"name\":\"customer\",\"type\":\"pk\",\"scopes\":[\"resources:read\"],"
                + "\"rateLimit\":{\"requestsPerMinute\":2}}");
        String productKey = secretOf(product);

        JsonNode valid = verify(verifier, productKey, "[\"resources:read\"]");
        assertThat(valid.get("valid").asBoolean()).isTrue();
        assertThat(valid.get("code").asString()).isEqualTo("VALID");
        assertThat(valid.get("keyId")).isEqualTo(product.get("id"));
        assertThat(valid.get("type").asString()).isEqualTo("pk");
        assertThat(valid.get("environment").asString()).isEqualTo("test");
        assertThat(valid.get("rateLimit").get("limit").asInt()).isEqualTo(2);
        assertThat(valid.get("rateLimit").get("remaining").asInt()).isEqualTo(1);
        assertThat(valid.get("rateLimit").get("reset").asLong()).isGreaterThan(Instant.now().getEpochSecond() - 1);
        assertThat(verify(verifier, productKey, "[\"resources:write\"]").get("code").asString())
                .isEqualTo("INSUFFICIENT_SCOPE");
        JsonNode limited = verify(verifier, productKey, "[]");
        assertThat(limited.get("code").asString()).isEqualTo("RATE_LIMITED");
        assertThat(limited.get("valid").asBoolean()).isFalse();

        assertThat(verify(verifier, "sk_test_nope", "[]").get("code").asString()).isEqualTo("MALFORMED");
        JsonNode revoked = createSecret("test", 60);
        ok(api.post("/v1/keys/" + revoked.get("id").asString() + "/revoke", "", "Authorization", bearer(token)), 200);
        assertThat(verify(verifier, secretOf(revoked), "[]").get("code").asString()).isEqualTo("REVOKED");
        assertThat(verify(verifier, secretOf(create("live", "{\"name\":\"l\",\"type\":\"sk\"}")), "[]")
                .get("code").asString()).isEqualTo("ENVIRONMENT_MISMATCH");
        JsonNode stranger = ok(api.post("/v1/auth/register", "{\"email\":\"stranger-" + UUID.randomUUID()
                + "@example.com\",\"password\":\"correct horse battery\",\"workspaceName\":\"Else\"}"), 201);
        assertThat(verify(verifier, stranger.get("apiKey").get("key").asString(), "[]").get("code").asString())
                .isEqualTo("NOT_FOUND");
        String fenced = secretOf(create("test", "{\"name\":\"f\",\"type\":\"sk\",\"ipAllowlist\":[\"10.0.0.0/8\"]}"));
        assertThat(verify(verifier, fenced, "[]").get("code").asString()).isEqualTo("IP_NOT_ALLOWED");
        assertThat(ok(withKey("POST", "/v1/keys/verify", "{\"key\":\"" + fenced + "\",\"scopes\":[],\"ip\":\"10.9.8.7\"}",
                verifier), 200).get("code").asString()).isEqualTo("VALID");
        Instant expiry = Instant.now().plusSeconds(1);
        String brief = secretOf(create("test", "{\"name\":\"b\",\"type\":\"sk\",\"expiresAt\":\"" + expiry + "\"}"));
        while (Instant.now().isBefore(expiry.plusMillis(200))) {
            Thread.sleep(100);
        }
        assertThat(verify(verifier, brief, "[]").get("code").asString()).isEqualTo("EXPIRED");
        problem(withKey("POST", "/v1/keys/verify", "{\"scopes\":[]}", verifier), 422, "validation_failed");
        problem(withKey("POST", "/v1/keys/verify", "{\"key\":\"" + productKey + "\",\"scopes\":[],\"ip\":\"<b>\"}",
                verifier), 422, "validation_failed");
        String reader = secretOf(create("test", "{\"name\":\"r\",\"type\":\"pk\",\"scopes\":[\"keys:read\"]}"));
        problem(withKey("POST", "/v1/keys/verify", "{\"key\":\"" + productKey + "\",\"scopes\":[]}", reader), 403,
                "scope_missing");
    }

    @Test
    void aSecretKeyHoldsEveryScopeCustomOnesIncluded() {
        JsonNode secret = createSecret("test", 600);
        JsonNode customer = ok(withKey("POST", "/v1/keys", "{\"name\":\"c\",\"type\":\"rk\","
                + "\"scopes\":[\"resources:read\"]}", secretOf(secret)), 201);
        JsonNode verdict = verify(secretOf(secret), secretOf(secret), "[\"resources:read\",\"jobs:write\"]");
        assertThat(verdict.get("code").asString()).isEqualTo("VALID");
        assertThat(verify(secretOf(secret), secretOf(customer), "[\"jobs:write\"]").get("code").asString())
                .isEqualTo("INSUFFICIENT_SCOPE");
    }

    @Test
    void verifyIsNeverReplayedSoARevocationShowsAtOnce() {
        String verifier = secretOf(createSecret("test", 600));
        JsonNode key = createSecret("test", 60);
        String body = "{\"key\":\"" + secretOf(key) + "\",\"scopes\":[]}";
        assertThat(ok(withKey("POST", "/v1/keys/verify", body, verifier, "Idempotency-Key", "v-1"), 200)
                .get("code").asString()).isEqualTo("VALID");
        ok(api.post("/v1/keys/" + key.get("id").asString() + "/revoke", "", "Authorization", bearer(token)), 200);
        HttpResponse<String> again = withKey("POST", "/v1/keys/verify", body, verifier, "Idempotency-Key", "v-1");
        assertThat(json(again).get("code").asString()).isEqualTo("REVOKED");
        assertThat(again.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    // ---- usage and last used ------------------------------------------------------------------------------

    @Test
    void usesAreCountedAndLastUsedIsWrittenInBatches() {
        JsonNode key = createSecret("test", 600);
        String secret = secretOf(key);
        String path = "/v1/keys/" + key.get("id").asString();
        for (int i = 0; i < 5; i++) {
            ok(withKey("GET", "/v1/workspace", null, secret), 200);
        }
        assertThat(ok(api.get(path, "Authorization", bearer(token)), 200).get("lastUsedAt").isNull())
                .as("nothing is written per request").isTrue();
        usage.flush();
        JsonNode read = ok(api.get(path, "Authorization", bearer(token)), 200);
        assertThat(read.get("lastUsedAt").isNull()).isFalse();
        assertThat(read.get("lastUsedIp").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
        JsonNode perDay = ok(api.get("/v1/usage?keyId=" + key.get("id").asString(), "Authorization", bearer(token)),
                200);
        assertThat(perDay.get("total").asLong()).isEqualTo(5);
        assertThat(perDay.get("granularity").asString()).isEqualTo("day");
        JsonNode perMinute = ok(api.get("/v1/usage?granularity=minute&keyId=" + key.get("id").asString(),
                "Authorization", bearer(token)), 200);
        assertThat(perMinute.get("data")).hasSize(60);
        assertThat(perMinute.get("total").asLong()).isEqualTo(5);
        problem(api.get("/v1/usage?granularity=hour", "Authorization", bearer(token)), 422, "validation_failed");
        problem(api.get("/v1/usage?keyId=key_" + "A".repeat(22), "Authorization", bearer(token)), 404, "not_found");
    }

    // ---- OpenAPI -------------------------------------------------------------------------------------------

    @Test
    void theApiIsDescribedInOpenApi() {
        JsonNode spec = ok(api.get("/v3/api-docs"), 200);
        assertThat(spec.get("openapi").asString()).startsWith("3.1");
        assertThat(spec.get("paths").has("/v1/keys")).isTrue();
        assertThat(spec.get("paths").has("/v1/keys/verify")).isTrue();
        assertThat(spec.get("paths").has("/v1/keys/{id}/roll")).isTrue();
        assertThat(spec.get("components").get("securitySchemes").size()).isGreaterThanOrEqualTo(1);
        HttpResponse<String> docs = api.get("/docs");
        assertThat(docs.statusCode()).isIn(200, 302);
    }
}
