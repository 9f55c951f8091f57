package dev.latchkey.app.contract;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.WorkspaceId;
import dev.latchkey.persistence.cache.CachingWorkspaceLockRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kill switch over HTTP (PRODUCT.md §5, §12): on each plan, by role, live keys refused and test keys not, the
 * verify API's {@code LOCKED}, unlocking (also after a downgrade), the audit log; and key expiries recorded in the
 * audit log by the system (the sweep runs every second here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"latchkey.data-dir=target/test-data/${random.uuid}", "latchkey.operators=lock-ops@example.com",
                "latchkey.key-expiry.sweep-interval=1s"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillSwitchHttpTest {

    private static final String PASSWORD = "correct horse battery";

    @Value("${local.server.port}")
    int port;

    @Autowired WorkspaceRepository workspaces;
    @Autowired Transactions transactions;
    @Autowired CachingWorkspaceLockRepository lockCache;

    private ApiClient api;
    private String operator;

    /** A registered owner: their token, workspace and first (test) key. */
    private record Owner(String token, String workspaceId, String testKey) {
    }

    @BeforeAll
    void registerTheOperator() {
        api = new ApiClient(port);
        operator = register("lock-ops@example.com").get("access_token").asString();
    }

    private JsonNode register(String email) {
        return ok(api.post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\","
                + "\"workspaceName\":\"Acme\"}"), 201);
    }

    private Owner owner(String plan) {
        JsonNode registered = register("owner-" + UUID.randomUUID() + "@example.com");
        Owner owner = new Owner(registered.get("access_token").asString(),
                registered.get("workspace").get("id").asString(), registered.get("apiKey").get("key").asString());
        if (!plan.equals("FREE")) {
            ok(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"" + plan + "\",\"workspaceId\":\""
                    + owner.workspaceId() + "\"}", "Authorization", bearer(operator)), 200);
        }
        return owner;
    }

    /** A user with {@code role} in the owner's workspace (added as the members API will); their token for it. */
    private String member(Owner owner, Role role) {
        String token = register("member-" + UUID.randomUUID() + "@example.com").get("access_token").asString();
        String userId = ok(api.get("/v1/auth/me", "Authorization", bearer(token)), 200).get("id").asString();
        transactions.inTransaction(() -> {
            workspaces.addMember(new Membership(new WorkspaceId(owner.workspaceId()), new UserId(userId), role,
                    Instant.now()));
            return null;
        });
        return token;
    }

    private HttpResponse<String> lock(String token, String workspaceId) {
        return api.post("/v1/workspace/lock", null, "Authorization", bearer(token), "Latchkey-Workspace", workspaceId);
    }

    private HttpResponse<String> unlock(String token, String workspaceId) {
        return api.send("DELETE", "/v1/workspace/lock", null, "Authorization", bearer(token), "Latchkey-Workspace",
                workspaceId);
    }

    private JsonNode liveKey(Owner owner, String body) {
        return ok(api.post("/v1/keys", body, "Authorization", bearer(owner.token()), "Latchkey-Environment", "live"),
                201);
    }

    private HttpResponse<String> withKey(String key) {
        return api.get("/v1/workspace", "X-Api-Key", key);
    }

    private HttpResponse<String> verify(String callerKey, String key) {
        return api.post("/v1/keys/verify", "{\"key\":\"" + key + "\",\"scopes\":[]}", "Authorization",
                bearer(callerKey));
    }

    private List<JsonNode> events(Owner owner, String action) {
        JsonNode page = ok(api.get("/v1/audit-events?action=" + action, "Authorization", bearer(owner.token())), 200);
        List<JsonNode> events = new ArrayList<>();
        page.get("data").forEach(events::add);
        return events;
    }

    // ---- plans and roles ----------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"FREE", "PRO"})
    void aPlanWithoutTheKillSwitchIsRefused(String plan) {
        Owner owner = owner(plan);
        String live = liveKey(owner, "{\"name\":\"live\",\"type\":\"sk\"}").get("key").asString();

        JsonNode refused = problem(lock(owner.token(), owner.workspaceId()), 403, "plan_required");

        assertThat(refused.get("detail").asString()).isEqualTo("The kill switch is not available on the "
                + plan.toLowerCase() + " plan. Upgrade to Scale or Enterprise.");
        ok(withKey(live), 200);
        assertThat(events(owner, "workspace.locked")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SCALE", "ENTERPRISE"})
    void aPlanWithTheKillSwitchLocksAndAnswersTheWorkspace(String plan) {
        Owner owner = owner(plan);

        JsonNode locked = ok(lock(owner.token(), owner.workspaceId()), 200);

        assertThat(locked.get("id").asString()).isEqualTo(owner.workspaceId());
        assertThat(locked.get("plan").asString()).isEqualTo(plan);
        assertThat(locked.get("name").asString()).isEqualTo("Acme");
        assertThat(locked.get("environment").asString()).isEqualTo("test");
        assertThat(locked.get("locked").asBoolean()).isTrue();
        Instant lockedAt = Instant.parse(locked.get("lockedAt").asString());
        assertThat(lockedAt).isBetween(Instant.now().minusSeconds(60), Instant.now());
        JsonNode read = ok(api.get("/v1/workspace/lock", "Authorization", bearer(owner.token())), 200);
        assertThat(read.get("locked").asBoolean()).isTrue();
        assertThat(Instant.parse(read.get("lockedAt").asString())).isEqualTo(lockedAt);
    }

    @Test
    void onlyAnOwnerLocksAndUnlocks() {
        Owner owner = owner("SCALE");
        String admin = member(owner, Role.ADMIN);
        String reader = member(owner, Role.MEMBER);

        problem(lock(admin, owner.workspaceId()), 403, "role_forbidden");
        problem(lock(reader, owner.workspaceId()), 403, "role_forbidden");
        ok(lock(owner.token(), owner.workspaceId()), 200);
        problem(unlock(admin, owner.workspaceId()), 403, "role_forbidden");
        problem(unlock(reader, owner.workspaceId()), 403, "role_forbidden");

        JsonNode state = ok(api.get("/v1/workspace/lock", "Authorization", bearer(reader), "Latchkey-Workspace",
                owner.workspaceId()), 200);
        assertThat(state.get("locked").asBoolean()).as("any member reads it; still locked").isTrue();
        assertThat(ok(unlock(owner.token(), owner.workspaceId()), 200).get("locked").asBoolean()).isFalse();
    }

    @Test
    void apiKeysCannotLockOrUnlock() {
        Owner owner = owner("SCALE");
        String live = liveKey(owner, "{\"name\":\"live\",\"type\":\"sk\"}").get("key").asString();

        problem(api.post("/v1/workspace/lock", null, "X-Api-Key", owner.testKey()), 401, "auth_invalid");
        problem(api.send("DELETE", "/v1/workspace/lock", null, "Authorization", bearer(live)), 401, "auth_invalid");
        ok(withKey(live), 200);
    }

    // ---- what a lock does -----------------------------------------------------------------------------------------

    @Test
    void liveKeysAreRefusedTestKeysAndUsersKeepWorkingAndUnlockingRestoresThem() {
        Owner owner = owner("SCALE");
        String live = liveKey(owner, "{\"name\":\"live\",\"type\":\"sk\"}").get("key").asString();
        ok(withKey(live), 200);

        ok(lock(owner.token(), owner.workspaceId()), 200);

        JsonNode refused = problem(withKey(live), 403, "workspace_locked");
        assertThat(refused.get("title").asString()).isEqualTo("Forbidden");
        problem(api.get("/v1/keys", "Authorization", bearer(live)), 403, "workspace_locked");
        problem(api.post("/v1/keys", "{\"name\":\"more\",\"type\":\"sk\"}", "X-Api-Key", live), 403,
                "workspace_locked");
        ok(withKey(owner.testKey()), 200);
        ok(api.get("/v1/keys", "Authorization", bearer(owner.token()), "Latchkey-Environment", "live"), 200);
        String madeWhileLocked = liveKey(owner, "{\"name\":\"new\",\"type\":\"sk\"}").get("key").asString();
        problem(withKey(madeWhileLocked), 403, "workspace_locked");
        assertThat(lockCache.holds(new WorkspaceId(owner.workspaceId())))
                .as("the lock is answered from memory, not read per request").isTrue();

        ok(unlock(owner.token(), owner.workspaceId()), 200);

        ok(withKey(live), 200);
        ok(withKey(madeWhileLocked), 200);
    }

    @Test
    void theLockOfOneWorkspaceLeavesTheOthersAlone() {
        Owner locked = owner("SCALE");
        Owner other = owner("SCALE");
        String otherLive = liveKey(other, "{\"name\":\"live\",\"type\":\"sk\"}").get("key").asString();

        ok(lock(locked.token(), locked.workspaceId()), 200);

        ok(withKey(otherLive), 200);
    }

    @Test
    void verifyAnswersLockedForALiveKeyOfALockedWorkspace() {
        Owner owner = owner("SCALE");
        String verifier = liveKey(owner, "{\"name\":\"backend\",\"type\":\"rk\",\"scopes\":[\"keys:verify\"]}")
                .get("key").asString();
        String secret = liveKey(owner, "{\"name\":\"backend sk\",\"type\":\"sk\"}").get("key").asString();
        String reader = liveKey(owner, "{\"name\":\"reader\",\"type\":\"rk\",\"scopes\":[\"keys:read\"]}")
                .get("key").asString();
        JsonNode product = liveKey(owner, "{\"name\":\"customer\",\"type\":\"sk\"}");
        String productKey = product.get("key").asString();
        assertThat(ok(verify(verifier, productKey), 200).get("code").asString()).isEqualTo("VALID");

        ok(lock(owner.token(), owner.workspaceId()), 200);

        JsonNode locked = ok(verify(verifier, productKey), 200);
        assertThat(locked.get("valid").asBoolean()).isFalse();
        assertThat(locked.get("code").asString()).isEqualTo("LOCKED");
        assertThat(locked.get("keyId").asString()).isEqualTo(product.get("id").asString());
        assertThat(ok(verify(secret, productKey), 200).get("code").asString()).as("a secret key verifies too")
                .isEqualTo("LOCKED");
        assertThat(ok(verify(verifier, verifier), 200).get("code").asString()).isEqualTo("LOCKED");
        problem(verify(reader, productKey), 403, "workspace_locked"); // without keys:verify it has no answer
        problem(withKey(verifier), 403, "workspace_locked"); // verifying is all a locked key may still do
        problem(withKey(secret), 403, "workspace_locked");
        assertThat(ok(verify(owner.testKey(), owner.testKey()), 200).get("code").asString())
                .as("test keys verify as before").isEqualTo("VALID");

        ok(unlock(owner.token(), owner.workspaceId()), 200);

        assertThat(ok(verify(verifier, productKey), 200).get("code").asString()).isEqualTo("VALID");
    }

    @Test
    void aDowngradedWorkspaceCanStillBeUnlockedButNotLockedAgain() {
        Owner owner = owner("SCALE");
        String live = liveKey(owner, "{\"name\":\"live\",\"type\":\"sk\"}").get("key").asString();
        ok(lock(owner.token(), owner.workspaceId()), 200);
        ok(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"FREE\",\"workspaceId\":\"" + owner.workspaceId()
                + "\"}", "Authorization", bearer(operator)), 200);
        problem(withKey(live), 403, "workspace_locked"); // a downgrade does not unlock

        JsonNode unlocked = ok(unlock(owner.token(), owner.workspaceId()), 200);

        assertThat(unlocked.get("locked").asBoolean()).isFalse();
        assertThat(unlocked.get("lockedAt").isNull()).isTrue();
        ok(withKey(live), 200);
        problem(lock(owner.token(), owner.workspaceId()), 403, "plan_required");
    }

    @Test
    void lockAndUnlockAreAuditedOnceEach() {
        Owner owner = owner("ENTERPRISE");
        JsonNode first = ok(lock(owner.token(), owner.workspaceId()), 200);
        JsonNode again = ok(lock(owner.token(), owner.workspaceId()), 200);
        assertThat(again.get("lockedAt").asString()).as("the first lock time stands")
                .isEqualTo(first.get("lockedAt").asString());
        ok(unlock(owner.token(), owner.workspaceId()), 200);
        ok(unlock(owner.token(), owner.workspaceId()), 200);

        List<JsonNode> locks = events(owner, "workspace.locked");
        List<JsonNode> unlocks = events(owner, "workspace.unlocked");

        assertThat(locks).hasSize(1);
        assertThat(unlocks).hasSize(1);
        JsonNode event = locks.getFirst();
        assertThat(event.get("actor").get("type").asString()).isEqualTo("user");
        assertThat(event.get("actor").get("label").asString()).startsWith("owner-");
        assertThat(event.get("target").get("type").asString()).isEqualTo("workspace");
        assertThat(event.get("target").get("id").asString()).isEqualTo(owner.workspaceId());
        assertThat(event.get("ip").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(event.get("environment").isNull()).isTrue();
    }

    // ---- key expiry in the audit log ----------------------------------------------------------------------------

    @Test
    void anExpiredKeyIsRecordedOnceBySystem() throws Exception {
        Owner owner = owner("FREE");
        Instant expiresAt = Instant.now().plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        JsonNode key = ok(api.post("/v1/keys", "{\"name\":\"short-lived\",\"type\":\"sk\",\"expiresAt\":\""
                + expiresAt + "\"}", "Authorization", bearer(owner.token())), 201);

        List<JsonNode> expired = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (expired.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            expired = events(owner, "key.expired");
        }

        assertThat(expired).hasSize(1);
        JsonNode event = expired.getFirst();
        assertThat(event.get("actor").get("type").asString()).isEqualTo("system");
        assertThat(event.get("target").get("type").asString()).isEqualTo("key");
        assertThat(event.get("target").get("id").asString()).isEqualTo(key.get("id").asString());
        assertThat(event.get("environment").asString()).isEqualTo("test");
        assertThat(event.get("details").get("prefix").asString()).isEqualTo(key.get("prefix").asString());
        assertThat(Instant.parse(event.get("occurredAt").asString())).isEqualTo(expiresAt);
        problem(withKey(key.get("key").asString()), 401, "auth_expired");

        Thread.sleep(2_500); // two more sweeps
        assertThat(events(owner, "key.expired")).hasSize(1);
    }
}
