package dev.latchkey.app.contract;

import dev.latchkey.app.LatchkeyApplication;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.persistence.cache.CachingApiKeyRepository;
import dev.latchkey.persistence.cache.CachingWorkspaceLockRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.json;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Latchkey nodes on one PostgreSQL, each with its own key cache and lock cache: a key changed through one node is
 * refused (or judged anew) by the other within a second, and so is a workspace locked or unlocked (the kill switch),
 * told through the database itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesHttpTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);

    private EmbeddedPostgres database;
    private ConfigurableApplicationContext nodeA;
    private ConfigurableApplicationContext nodeB;
    private ApiClient a;
    private ApiClient b;
    private String token;
    private String[] shared;

    @BeforeAll
    void startTwoNodes() throws Exception {
        database = EmbeddedPostgres.builder().start();
        try (Connection connection = database.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database latchkey");
        }
        String url = database.getJdbcUrl("postgres", "latchkey");
        byte[] masterKey = new byte[32];
        new java.security.SecureRandom().nextBytes(masterKey);
        shared = new String[]{"--server.port=0", "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--latchkey.master-key=" + Base64.getEncoder().encodeToString(masterKey),
                "--latchkey.auth.jwt-secret=" + "two-nodes-share-this-secret-".repeat(2),
                "--latchkey.operators=nodes-operator@example.com"};
        nodeA = start(shared, Files.createTempDirectory("latchkey-node-a"));
        nodeB = start(shared, Files.createTempDirectory("latchkey-node-b"));
        a = new ApiClient(port(nodeA));
        b = new ApiClient(port(nodeB));
        JsonNode registration = ok(a.post("/v1/auth/register", "{\"email\":\"nodes-operator@example.com\","
                + "\"password\":\"correct horse battery\",\"workspaceName\":\"Nodes\"}"), 201);
        token = registration.get("access_token").asString();
        ok(b.send("PUT", "/v1/workspace/plan", "{\"plan\":\"PRO\"}", "Authorization", bearer(token)), 200); // rk keys
    }

    @AfterAll
    void stop() throws Exception {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[]{nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedOnTheOtherWithinASecond() {
        JsonNode key = createKey("{\"name\":\"to revoke\",\"type\":\"sk\"}");
        String secret = key.get("key").asString();
        // B keeps the key once it has used it (and heard of its creation, which drops what B knew of that hash)
        CachingApiKeyRepository cacheOfB = nodeB.getBean(CachingApiKeyRepository.class);
        untilWithin(() -> b.get("/v1/workspace", "Authorization", bearer(secret)),
                response -> response.statusCode() == 200 && cacheOfB.holds(KeyHash.of(secret)));

        ok(a.post("/v1/keys/" + key.get("id").asString() + "/revoke", null, "Authorization", bearer(token)), 200);
        long revokedAt = System.nanoTime();

        problem(a.get("/v1/workspace", "Authorization", bearer(secret)), 401, "auth_revoked");
        HttpResponse<String> refused = untilWithin(() -> b.get("/v1/workspace", "Authorization", bearer(secret)),
                response -> response.statusCode() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(WITHIN);
        problem(refused, 401, "auth_revoked");
    }

    @Test
    void aScopeRemovedOnOneNodeIsMissingOnTheOtherWithinASecond() {
        JsonNode key = createKey("{\"name\":\"to narrow\",\"type\":\"rk\",\"scopes\":[\"workspace:read\",\"keys:read\"]}");
        String secret = key.get("key").asString();
        ok(b.get("/v1/workspace", "Authorization", bearer(secret)), 200);

        ok(a.send("PATCH", "/v1/keys/" + key.get("id").asString(), "{\"scopes\":[\"keys:read\"]}",
                "Authorization", bearer(token)), 200);
        long editedAt = System.nanoTime();

        HttpResponse<String> refused = untilWithin(() -> b.get("/v1/workspace", "Authorization", bearer(secret)),
                response -> response.statusCode() == 403);
        assertThat(Duration.ofNanos(System.nanoTime() - editedAt)).isLessThan(WITHIN);
        problem(refused, 403, "scope_missing");
    }

    @Test
    void aKeyCreatedOnOneNodeWorksAtOnceOnTheOtherEvenAfterItWasTriedThereUnknown() {
        // B has answered "unknown" for the hash of a key that does not exist yet only if it was tried; a new key's
        // hash cannot be guessed, so the check is that the new key works on B on its first use
        JsonNode key = createKey("{\"name\":\"fresh\",\"type\":\"sk\"}");

        ok(b.get("/v1/workspace", "Authorization", bearer(key.get("key").asString())), 200);
    }

    @Test
    void aRolledKeyWithoutGraceIsRefusedOnTheOtherNodeAndItsSuccessorWorksThere() {
        JsonNode key = createKey("{\"name\":\"to roll\",\"type\":\"sk\"}");
        String secret = key.get("key").asString();
        ok(b.get("/v1/workspace", "Authorization", bearer(secret)), 200);

        JsonNode roll = ok(a.post("/v1/keys/" + key.get("id").asString() + "/roll", "{\"expiresInSeconds\":0}",
                "Authorization", bearer(token)), 201);
        long rolledAt = System.nanoTime();

        untilWithin(() -> b.get("/v1/workspace", "Authorization", bearer(secret)),
                response -> response.statusCode() == 401);
        assertThat(Duration.ofNanos(System.nanoTime() - rolledAt)).isLessThan(WITHIN);
        ok(b.get("/v1/workspace", "Authorization", bearer(roll.get("key").asString())), 200);
    }

    // ---- the kill switch -------------------------------------------------------------------------------------------

    @Test
    void aWorkspaceLockedOnOneNodeRefusesItsLiveKeysOnTheOtherWithinASecondAndAnUnlockThereReachesTheFirst() {
        Locking owner = scaleOwner("lock-two-nodes");
        String live = liveKey(owner);
        WorkspaceId workspace = new WorkspaceId(owner.workspaceId());
        // B keeps "not locked" for the workspace once it has served the key: the lock must reach it by announcement
        CachingWorkspaceLockRepository locksOfB = nodeB.getBean(CachingWorkspaceLockRepository.class);
        untilWithin(() -> b.get("/v1/workspace", "X-Api-Key", live),
                response -> response.statusCode() == 200 && locksOfB.holds(workspace));

        ok(a.post("/v1/workspace/lock", null, "Authorization", bearer(owner.token())), 200);
        long lockedAt = System.nanoTime();

        problem(a.get("/v1/workspace", "X-Api-Key", live), 403, "workspace_locked");
        HttpResponse<String> refused = untilWithin(() -> b.get("/v1/workspace", "X-Api-Key", live),
                response -> response.statusCode() == 403);
        assertThat(Duration.ofNanos(System.nanoTime() - lockedAt)).isLessThan(WITHIN);
        problem(refused, 403, "workspace_locked");
        assertThat(nodeA.getBean(CachingWorkspaceLockRepository.class).holds(workspace))
                .as("A keeps \"locked\" now: the unlock must reach it by announcement").isTrue();

        ok(b.send("DELETE", "/v1/workspace/lock", null, "Authorization", bearer(owner.token())), 200);
        long unlockedAt = System.nanoTime();

        untilWithin(() -> a.get("/v1/workspace", "X-Api-Key", live), response -> response.statusCode() == 200);
        assertThat(Duration.ofNanos(System.nanoTime() - unlockedAt)).isLessThan(WITHIN);
        ok(b.get("/v1/workspace", "X-Api-Key", live), 200);
    }

    @Test
    void aLockedWorkspaceStaysLockedForANodeStartedAfterTheLock() throws Exception {
        Locking owner = scaleOwner("lock-restart");
        String live = liveKey(owner);
        ok(a.post("/v1/workspace/lock", null, "Authorization", bearer(owner.token())), 200);

        try (ConfigurableApplicationContext restarted = start(shared, Files.createTempDirectory("latchkey-node-c"))) {
            ApiClient c = new ApiClient(port(restarted));
            problem(c.get("/v1/workspace", "X-Api-Key", live), 403, "workspace_locked");
            ok(c.send("DELETE", "/v1/workspace/lock", null, "Authorization", bearer(owner.token())), 200);
        }
        untilWithin(() -> a.get("/v1/workspace", "X-Api-Key", live), response -> response.statusCode() == 200);
    }

    /** An owner whose workspace of its own is on SCALE (the other tests' workspace stays unlocked). */
    private record Locking(String token, String workspaceId) {
    }

    private Locking scaleOwner(String name) {
        JsonNode registration = ok(a.post("/v1/auth/register", "{\"email\":\"" + name + "@example.com\","
                + "\"password\":\"correct horse battery\",\"workspaceName\":\"" + name + "\"}"), 201);
        String workspaceId = registration.get("workspace").get("id").asString();
        ok(b.send("PUT", "/v1/workspace/plan", "{\"plan\":\"SCALE\",\"workspaceId\":\"" + workspaceId + "\"}",
                "Authorization", bearer(token)), 200);
        return new Locking(registration.get("access_token").asString(), workspaceId);
    }

    private String liveKey(Locking owner) {
        return ok(a.post("/v1/keys", "{\"name\":\"live\",\"type\":\"sk\"}", "Authorization", bearer(owner.token()),
                "Latchkey-Environment", "live"), 201).get("key").asString();
    }

    private JsonNode createKey(String json) {
        return ok(a.post("/v1/keys", json, "Authorization", bearer(token), "Latchkey-Environment", "test"), 201);
    }

    /** Repeats {@code request} until {@code done} (for at most a few seconds; the caller times the first success). */
    private static HttpResponse<String> untilWithin(java.util.function.Supplier<HttpResponse<String>> request,
                                                    Predicate<HttpResponse<String>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        HttpResponse<String> response = request.get();
        while (!done.test(response) && System.nanoTime() < deadline) {
            response = request.get();
        }
        assertThat(done.test(response)).as(response.body()).isTrue();
        return response;
    }

    private static ConfigurableApplicationContext start(String[] shared, Path dataDir) {
        String[] arguments = java.util.Arrays.copyOf(shared, shared.length + 1);
        arguments[shared.length] = "--latchkey.data-dir=" + dataDir;
        return new SpringApplicationBuilder(LatchkeyApplication.class).run(arguments);
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }
}
