package dev.latchkey.app.contract;

import dev.latchkey.app.contract.Tenancy.Person;
import dev.latchkey.app.contract.Tenancy.Team;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workspaces, invitations and members over real HTTP against embedded PostgreSQL (PRODUCT.md §1, §3, §12; issue 5
 * items 1 and 2), as a client sees them, with what the database and the log keep.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {Tenancy.DATA_DIR, Tenancy.OPERATORS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class TenancyHttpTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api;
    private Tenancy tenancy;

    @BeforeAll
    void client() {
        api = new ApiClient(port);
        tenancy = new Tenancy(api, jdbc);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- workspaces ------------------------------------------------------------------------------------------

    @Test
    void aUserCreatesWorkspacesAndPicksOneForEachRequest() {
        Person ada = tenancy.register("ada");
        String[] token = {"Authorization", bearer(ada.token())};

        JsonNode mine = ok(api.get("/v1/workspaces", token), 200);
        assertThat(mine.get("data")).singleElement().satisfies(workspace -> {
            assertThat(workspace.get("id").asString()).isEqualTo(ada.workspaceId());
            assertThat(workspace.get("role").asString()).isEqualTo("OWNER");
        });
        JsonNode created = ok(api.post("/v1/workspaces", "{\"name\":\" Side project \"}", token), 201);
        String side = created.get("id").asString();
        assertThat(created.get("name").asString()).isEqualTo("Side project");
        assertThat(created.get("plan").asString()).isEqualTo("FREE");
        assertThat(created.get("role").asString()).isEqualTo("OWNER");
        assertThat(created.get("environment").asString()).isEqualTo("test");

        JsonNode both = ok(api.get("/v1/workspaces", token), 200);
        assertThat(both.get("data")).extracting(workspace -> workspace.get("id").asString())
                .containsExactly(ada.workspaceId(), side);
        JsonNode firstPage = ok(api.get("/v1/workspaces?limit=1", token), 200);
        assertThat(firstPage.get("hasMore").asBoolean()).isTrue();
        assertThat(ok(api.get("/v1/workspaces?limit=1&cursor=" + firstPage.get("nextCursor").asString(), token), 200)
                .get("data").get(0).get("id").asString()).isEqualTo(side);

        // the default is the first; Latchkey-Workspace picks another; one not theirs is not found
        assertThat(ok(api.get("/v1/workspace", token), 200).get("id").asString()).isEqualTo(ada.workspaceId());
        assertThat(ok(api.get("/v1/workspace", ada.in(side)), 200).get("id").asString()).isEqualTo(side);
        assertThat(ok(api.get("/v1/auth/me", ada.in(side)), 200).get("workspace").get("id").asString())
                .isEqualTo(side);
        problem(api.get("/v1/workspace", ada.in(tenancy.register("stranger").workspaceId())), 404, "not_found");
        problem(api.get("/v1/workspace", ada.in("ws_malformed")), 404, "not_found");

        // a key made in the new workspace acts there
        JsonNode key = ok(api.post("/v1/keys", "{\"name\":\"side key\",\"type\":\"sk\"}", ada.in(side)), 201);
        assertThat(ok(api.get("/v1/workspace", "X-Api-Key", key.get("key").asString()), 200).get("id").asString())
                .isEqualTo(side);
        JsonNode events = ok(api.get("/v1/audit-events?action=workspace.created", ada.in(side)), 200);
        assertThat(events.get("data")).singleElement().satisfies(event -> {
            assertThat(event.get("target").get("id").asString()).isEqualTo(side);
            assertThat(event.get("actor").get("label").asString()).isEqualTo(ada.email());
            assertThat(event.get("details").get("name").asString()).isEqualTo("Side project");
        });
        assertThat(tenancy.roleOf(side, ada.userId())).isEqualTo("OWNER");
    }

    @Test
    void workspacesAreForUserTokensAndNeedAName() {
        Person ada = tenancy.register("ada");
        int before = jdbc.queryForObject("select count(*) from workspaces", Integer.class);

        problem(api.post("/v1/workspaces", "{\"name\":\"x\"}", "X-Api-Key", ada.apiKey()), 401, "auth_invalid");
        problem(api.get("/v1/workspaces", "X-Api-Key", ada.apiKey()), 401, "auth_invalid");
        JsonNode invalid = problem(api.post("/v1/workspaces", "{\"name\":\"  \"}", "Authorization",
                bearer(ada.token())), 422, "validation_failed");
        assertThat(invalid.get("errors").get(0).get("field").asString()).isEqualTo("name");
        problem(api.post("/v1/workspaces", "{\"name\":", "Authorization", bearer(ada.token())), 400, "bad_request");
        assertThat(jdbc.queryForObject("select count(*) from workspaces", Integer.class)).isEqualTo(before);
    }

    // ---- invitations -----------------------------------------------------------------------------------------

    @Test
    void aNewUserRegistersThenAcceptsAndTheTokenIsKeptNowhere(CapturedOutput output) throws Exception {
        Person owner = tenancy.register("owner");
        String email = Tenancy.newEmail("Newcomer");
        HttpResponse<String> response = tenancy.invite(owner, owner.workspaceId(), email.toUpperCase(), "ADMIN");
        JsonNode invitation = ok(response, 201);
        String token = invitation.get("token").asString();
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).contains("no-store"));
        assertThat(invitation.get("id").asString()).startsWith("inv_");
        assertThat(invitation.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(invitation.get("role").asString()).isEqualTo("ADMIN");
        assertThat(token).matches("lkinv_[0-9A-Za-z]{40}");
        assertThat(invitation.get("url").asString()).isEqualTo("http://localhost:8080/invitations/" + token);
        assertThat(java.time.Duration.between(java.time.Instant.now(),
                java.time.Instant.parse(invitation.get("expiresAt").asString())).toHours()).isBetween(167L, 168L);
        JsonNode pending = ok(api.get("/v1/members/invitations", owner.own()), 200);
        assertThat(pending.get("data")).singleElement().satisfies(listed -> {
            assertThat(listed.get("id")).isEqualTo(invitation.get("id"));
            assertThat(listed.get("invitedBy").asString()).isEqualTo(owner.userId());
        });
        assertThat(pending.toString()).doesNotContain(token);

        // the invitee is new: they register (getting a workspace of their own), then accept
        JsonNode registration = ok(api.post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\""
                + Tenancy.PASSWORD + "\",\"workspaceName\":\"Newcomer's\"}"), 201);
        String newcomerToken = registration.get("access_token").asString();
        JsonNode joined = ok(api.post("/v1/invitations/" + token + "/accept", null, "Authorization",
                bearer(newcomerToken)), 200);
        assertThat(joined.get("id").asString()).isEqualTo(owner.workspaceId());
        assertThat(joined.get("role").asString()).isEqualTo("ADMIN");
        JsonNode workspaces = ok(api.get("/v1/workspaces", "Authorization", bearer(newcomerToken)), 200);
        assertThat(workspaces.get("data")).extracting(workspace -> workspace.get("role").asString())
                .containsExactly("OWNER", "ADMIN");
        // as an admin of the owner's workspace, they manage keys there
        ok(api.post("/v1/keys", "{\"name\":\"by the newcomer\",\"type\":\"sk\"}", "Authorization",
                bearer(newcomerToken), "Latchkey-Workspace", owner.workspaceId()), 201);
        JsonNode members = ok(api.get("/v1/members", owner.own()), 200);
        assertThat(members.get("data")).extracting(member -> member.get("email").asString())
                .containsExactly(owner.email(), email.toLowerCase());
        assertThat(ok(api.get("/v1/members/invitations", owner.own()), 200).get("data")).isEmpty();

        // used once
        JsonNode again = problem(api.post("/v1/invitations/" + token + "/accept", null, "Authorization",
                bearer(newcomerToken)), 409, "conflict");
        assertThat(again.get("detail").asString()).contains("already accepted");

        // stored as its hash only; never in the audit log nor in the log
        String id = invitation.get("id").asString();
        assertThat(jdbc.queryForObject("select token_hash from invitations where id = ?", String.class, id))
                .isEqualTo(sha256(token));
        assertThat(jdbc.queryForObject("select count(*) from invitations where row(invitations.*)::text like ?",
                Integer.class, "%" + token + "%")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_events where details::text like ?",
                Integer.class, "%" + token.substring(6) + "%")).isZero();
        JsonNode events = ok(api.get("/v1/audit-events", owner.own()), 200);
        List<String> actions = new ArrayList<>();
        events.get("data").forEach(event -> actions.add(event.get("action").asString()));
        assertThat(actions).containsSubsequence("member.joined", "member.invited");
        JsonNode joinedEvent = events.get("data").get(actions.indexOf("member.joined"));
        assertThat(joinedEvent.get("actor").get("label").asString()).isEqualTo(email.toLowerCase());
        assertThat(joinedEvent.get("details").get("invitationId").asString()).isEqualTo(id);
        assertThat(events.toString()).doesNotContain(token);
        assertThat(output.getAll()).contains(id).doesNotContain(token.substring(6));
    }

    @Test
    void onlyTheInvitedEmailAcceptsAndNeitherAfterExpiryNorRevocation() {
        Person owner = tenancy.register("owner");
        Person invitee = tenancy.register("invitee");
        Person other = tenancy.register("other");
        String token = ok(tenancy.invite(owner, owner.workspaceId(), invitee.email(), "MEMBER"), 201)
                .get("token").asString();
        String before = tenancy.snapshot(owner.workspaceId());

        assertThat(problem(tenancy.accept(other, token), 403, "role_forbidden").get("detail").asString())
                .contains("another email").doesNotContain(invitee.email());
        problem(tenancy.accept(invitee, "lkinv_" + "Z".repeat(40)), 404, "not_found");
        problem(tenancy.accept(invitee, "garbage"), 404, "not_found");
        problem(api.post("/v1/invitations/" + token + "/accept", null, "X-Api-Key", invitee.apiKey()), 401,
                "auth_invalid");
        problem(api.post("/v1/invitations/" + token + "/accept", null), 401, "auth_missing");
        jdbc.update("update invitations set created_at = now() - interval '8 days', "
                + "expires_at = now() - interval '1 day' where token_hash = encode(sha256(?::bytea), 'hex')", token);
        String expiredState = tenancy.snapshot(owner.workspaceId());
        assertThat(problem(tenancy.accept(invitee, token), 409, "conflict").get("detail").asString())
                .contains("expired");
        assertThat(tenancy.snapshot(owner.workspaceId())).isEqualTo(expiredState);
        assertThat(tenancy.roleOf(owner.workspaceId(), invitee.userId())).isNull();
        assertThat(ok(api.get("/v1/members/invitations", owner.own()), 200).get("data")).isEmpty();
        assertThat(before).isNotNull();

        // an expired invitation no longer blocks a new one; a revoked one cannot be accepted
        JsonNode second = ok(tenancy.invite(owner, owner.workspaceId(), invitee.email(), "MEMBER"), 201);
        api.send("DELETE", "/v1/members/invitations/" + second.get("id").asString(), null, owner.own());
        assertThat(problem(tenancy.accept(invitee, second.get("token").asString()), 409, "conflict")
                .get("detail").asString()).contains("revoked");
        assertThat(tenancy.auditActions(owner.workspaceId())).containsSubsequence("member.invited", "member.invited",
                "member.removed").doesNotContain("member.joined");
    }

    @Test
    void invitationsAreRefusedClearly() {
        Person owner = tenancy.register("owner");
        Person member = tenancy.join(owner, owner.workspaceId(), "MEMBER", "member");
        String invitee = Tenancy.newEmail("invitee");
        ok(tenancy.invite(owner, owner.workspaceId(), invitee, "MEMBER"), 201);
        String before = tenancy.snapshot(owner.workspaceId());

        problem(tenancy.invite(owner, owner.workspaceId(), member.email(), "ADMIN"), 409, "conflict");
        assertThat(problem(tenancy.invite(owner, owner.workspaceId(), invitee, "ADMIN"), 409, "conflict")
                .get("detail").asString()).contains("pending invitation");
        JsonNode invalid = problem(api.post("/v1/members/invitations", "{\"email\":\"not-an-email\","
                + "\"role\":\"EMPEROR\"}", owner.own()), 422, "validation_failed");
        assertThat(invalid.get("errors")).extracting(error -> error.get("field").asString())
                .containsExactlyInAnyOrder("email", "role");
        problem(api.post("/v1/members/invitations", "{\"email\":\"x@example.com\",\"role\":\"MEMBER\"}",
                "X-Api-Key", owner.apiKey()), 401, "auth_invalid");
        problem(api.send("DELETE", "/v1/members/invitations/inv_ZZZZZZZZZZZZZZZZZZZZZZ", null, owner.own()), 404,
                "not_found");
        assertThat(tenancy.snapshot(owner.workspaceId())).isEqualTo(before);
    }

    @Test
    void membersAndPendingInvitationsCountAgainstThePlan() {
        Person owner = tenancy.register("owner"); // FREE: 3 members
        tenancy.join(owner, owner.workspaceId(), "MEMBER", "second");
        String third = ok(tenancy.invite(owner, owner.workspaceId(), Tenancy.newEmail("third"), "MEMBER"), 201)
                .get("id").asString();
        String before = tenancy.snapshot(owner.workspaceId());

        JsonNode gate = problem(tenancy.invite(owner, owner.workspaceId(), Tenancy.newEmail("fourth"), "MEMBER"),
                403, "plan_required");
        assertThat(gate.get("detail").asString())
                .isEqualTo("The free plan allows 3 members. Upgrade to Pro, Scale or Enterprise.");
        assertThat(tenancy.snapshot(owner.workspaceId())).isEqualTo(before);

        ok(api.send("DELETE", "/v1/members/invitations/" + third, null, owner.own()), 204);
        ok(tenancy.invite(owner, owner.workspaceId(), Tenancy.newEmail("fourth"), "MEMBER"), 201);
        tenancy.setPlan(owner.workspaceId(), "PRO");
        ok(tenancy.invite(owner, owner.workspaceId(), Tenancy.newEmail("fifth"), "MEMBER"), 201);
    }

    // ---- members ---------------------------------------------------------------------------------------------

    @Test
    void membersAreListedAPageAtATimeByEveryMemberButNotByKeys() {
        Team team = tenancy.team("FREE");
        JsonNode first = ok(api.get("/v1/members?limit=2", team.member().in(team.workspaceId())), 200);
        assertThat(first.get("data")).extracting(member -> member.get("role").asString())
                .containsExactly("OWNER", "ADMIN");
        assertThat(first.get("data").get(0).get("email").asString()).isEqualTo(team.owner().email());
        assertThat(first.get("data").get(0).has("joinedAt")).isTrue();
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        JsonNode rest = ok(api.get("/v1/members?limit=2&cursor=" + first.get("nextCursor").asString(),
                team.member().in(team.workspaceId())), 200);
        assertThat(rest.get("data")).singleElement().satisfies(member ->
                assertThat(member.get("userId").asString()).isEqualTo(team.member().userId()));
        assertThat(rest.get("hasMore").asBoolean()).isFalse();
        assertThat(rest.get("nextCursor").isNull()).isTrue();
        problem(api.get("/v1/members?limit=0", team.owner().own()), 422, "validation_failed");
        // PRODUCT.md §3: /v1/members… takes user tokens only, even a key holding members:read
        problem(api.get("/v1/members", "X-Api-Key", team.owner().apiKey()), 401, "auth_invalid");
    }

    @Test
    void rolesChangeOwnershipIsTransferredAndTheLastOwnerStays() {
        Team team = tenancy.team("FREE");
        String ws = team.workspaceId();
        String[] owner = team.owner().own();

        JsonNode promoted = ok(api.send("PATCH", "/v1/members/" + team.member().userId(), "{\"role\":\"admin\"}",
                owner), 200);
        assertThat(promoted.get("role").asString()).isEqualTo("ADMIN");
        assertThat(promoted.get("email").asString()).isEqualTo(team.member().email());
        problem(api.send("PATCH", "/v1/members/" + team.member().userId(), "{\"role\":\"CEO\"}", owner), 422,
                "validation_failed");
        problem(api.send("PATCH", "/v1/members/usr_ZZZZZZZZZZZZZZZZZZZZZZ", "{\"role\":\"ADMIN\"}", owner), 404,
                "not_found");
        problem(api.send("PATCH", "/v1/members/" + team.owner().userId(), "{\"role\":\"ADMIN\"}", owner), 409,
                "conflict");
        problem(api.post("/v1/workspace/transfer", "{\"userId\":\"" + team.owner().userId() + "\"}", owner), 409,
                "conflict");
        problem(api.post("/v1/workspace/transfer", "{}", owner), 422, "validation_failed");

        JsonNode transfer = ok(api.post("/v1/workspace/transfer", "{\"userId\":\"" + team.admin().userId() + "\"}",
                owner), 200);
        assertThat(transfer.get("owner").get("userId").asString()).isEqualTo(team.admin().userId());
        assertThat(transfer.get("owner").get("role").asString()).isEqualTo("OWNER");
        assertThat(transfer.get("previousOwner").get("role").asString()).isEqualTo("ADMIN");
        assertThat(tenancy.roleOf(ws, team.owner().userId())).isEqualTo("ADMIN");
        // the former owner is an admin now: an owner is out of their reach
        problem(api.send("DELETE", "/v1/members/" + team.admin().userId(), null, owner), 403, "role_forbidden");
        ok(api.send("DELETE", "/v1/members/" + team.owner().userId(), null, owner), 204);
        problem(api.send("DELETE", "/v1/members/" + team.admin().userId(), null, team.admin().in(ws)), 409,
                "conflict");
        assertThat(tenancy.auditActions(ws)).containsSubsequence("member.role_changed",
                "workspace.ownership_transferred", "member.removed");
        JsonNode transferred = ok(api.get("/v1/audit-events?action=workspace.ownership_transferred",
                team.admin().in(ws)), 200).get("data").get(0);
        assertThat(transferred.get("target").get("id").asString()).isEqualTo(team.admin().userId());
        assertThat(transferred.get("environment").isNull()).isTrue();
    }

    @Test
    void twoOwnersLeavingAtOnceNeverLeaveTheWorkspaceWithoutOne() throws Exception {
        for (int round = 0; round < 3; round++) {
            Person first = tenancy.register("first");
            String ws = first.workspaceId();
            Person second = tenancy.join(first, ws, "OWNER", "second");
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> leaves = new ArrayList<>();
            // each removes the other, or leaves: four requests racing to remove the last two owners
            for (Person actor : List.of(first, second)) {
                Person otherOwner = actor == first ? second : first;
                leaves.add(() -> {
                    start.await();
                    return api.send("DELETE", "/v1/members/" + actor.userId(), null, actor.in(ws)).statusCode();
                });
                leaves.add(() -> {
                    start.await();
                    return api.send("DELETE", "/v1/members/" + otherOwner.userId(), null, actor.in(ws)).statusCode();
                });
            }
            List<Integer> statuses = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(leaves.size())) {
                List<Future<Integer>> answers = leaves.stream().map(pool::submit).toList();
                start.countDown();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
            }
            assertThat(statuses).as("one removal succeeds; the others find no owner to spare or no workspace")
                    .containsOnlyOnce(204).allMatch(status -> status == 204 || status == 409 || status == 404);
            assertThat(jdbc.queryForObject("select count(*) from memberships where workspace_id = ? and role = 'OWNER'",
                    Integer.class, ws)).isOne();
        }
    }
}
