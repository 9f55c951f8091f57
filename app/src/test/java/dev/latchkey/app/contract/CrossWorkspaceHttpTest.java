package dev.latchkey.app.contract;

import dev.latchkey.app.contract.Tenancy.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cross-workspace matrix over real HTTP (issue 5: "an object id of workspace B used with workspace A's
 * credentials is not_found, and nothing changes"): every route that takes an id, called with workspace A's API key
 * and with its owner's user token, naming objects of workspace B; afterwards both workspaces are unchanged in the
 * database. Routes for user tokens only refuse A's key with {@code auth_invalid} before reading anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {Tenancy.DATA_DIR, Tenancy.OPERATORS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrossWorkspaceHttpTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private ApiClient api;
    private Tenancy tenancy;
    private Person ownerA;
    private Person ownerB;
    /** Objects of workspace B, in both environments. */
    private String keyB;
    private String liveKeyB;
    private String memberB;
    private String invitationB;

    @BeforeAll
    void twoWorkspaces() {
        api = new ApiClient(port);
        tenancy = new Tenancy(api, jdbc);
        ownerA = tenancy.register("alice");
        ownerB = tenancy.register("bob");
        tenancy.setPlan(ownerB.workspaceId(), "SCALE");
        keyB = ok(api.post("/v1/keys", "{\"name\":\"b's key\",\"type\":\"sk\"}", ownerB.own()), 201)
                .get("id").asString();
        liveKeyB = ok(api.post("/v1/keys", "{\"name\":\"b's live key\",\"type\":\"sk\"}", "Authorization",
                bearer(ownerB.token()), "Latchkey-Environment", "live"), 201).get("id").asString();
        memberB = tenancy.join(ownerB, ownerB.workspaceId(), "MEMBER", "bob-member").userId();
        invitationB = ok(tenancy.invite(ownerB, ownerB.workspaceId(), Tenancy.newEmail("pending"), "ADMIN"), 201)
                .get("id").asString();
    }

    /** One route taking an id of B: how to call it with the given credential headers. */
    private Map<String, Function<String[], HttpResponse<String>>> routesWithIdsOfB() {
        Map<String, Function<String[], HttpResponse<String>>> routes = new LinkedHashMap<>();
        for (String key : List.of(keyB, liveKeyB)) {
            routes.put("GET /v1/keys/" + key, as -> api.get("/v1/keys/" + key, as));
            routes.put("PATCH /v1/keys/" + key, as -> api.send("PATCH", "/v1/keys/" + key, "{\"name\":\"mine now\"}",
                    as));
            routes.put("POST /v1/keys/" + key + "/roll", as -> api.post("/v1/keys/" + key + "/roll",
                    "{\"expiresInSeconds\":0}", as));
            routes.put("POST /v1/keys/" + key + "/revoke", as -> api.post("/v1/keys/" + key + "/revoke", null, as));
            routes.put("GET /v1/usage?keyId=" + key, as -> api.get("/v1/usage?keyId=" + key, as));
        }
        return routes;
    }

    /** The routes for user tokens only that take an id of B. */
    private Map<String, Function<String[], HttpResponse<String>>> memberRoutesWithIdsOfB() {
        Map<String, Function<String[], HttpResponse<String>>> routes = new LinkedHashMap<>();
        routes.put("PATCH /v1/members/{memberB}", as -> api.send("PATCH", "/v1/members/" + memberB,
                "{\"role\":\"OWNER\"}", as));
        routes.put("DELETE /v1/members/{memberB}", as -> api.send("DELETE", "/v1/members/" + memberB, null, as));
        routes.put("DELETE /v1/members/{ownerB}", as -> api.send("DELETE", "/v1/members/" + ownerB.userId(), null,
                as));
        routes.put("POST /v1/workspace/transfer {memberB}", as -> api.post("/v1/workspace/transfer",
                "{\"userId\":\"" + memberB + "\"}", as));
        routes.put("DELETE /v1/members/invitations/{invitationB}", as -> api.send("DELETE",
                "/v1/members/invitations/" + invitationB, null, as));
        return routes;
    }

    private String snapshots() {
        return tenancy.snapshot(ownerA.workspaceId()) + "\n---\n" + tenancy.snapshot(ownerB.workspaceId());
    }

    @Test
    void aKeyOfWorkspaceANeverReachesAnObjectOfB() {
        String before = snapshots();
        List<String> checked = new ArrayList<>();
        for (String environment : List.of("test", "live")) {
            String keyA = environment.equals("test") ? ownerA.apiKey() : ok(api.post("/v1/keys",
                    "{\"name\":\"a's live key\",\"type\":\"sk\"}", "Authorization", bearer(ownerA.token()),
                    "Latchkey-Environment", "live"), 201).get("key").asString();
            String aSnapshot = tenancy.snapshot(ownerA.workspaceId());
            routesWithIdsOfB().forEach((route, call) -> {
                problem(call.apply(new String[]{"X-Api-Key", keyA}), 404, "not_found");
                checked.add(environment + " key: " + route);
            });
            memberRoutesWithIdsOfB().forEach((route, call) -> {
                problem(call.apply(new String[]{"Authorization", bearer(keyA)}), 401, "auth_invalid");
                checked.add(environment + " key: " + route);
            });
            problem(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"FREE\",\"workspaceId\":\""
                    + ownerB.workspaceId() + "\"}", "X-Api-Key", keyA), 401, "auth_invalid");
            // a key's workspace is its own, whatever the header says
            assertThat(ok(api.get("/v1/workspace", "X-Api-Key", keyA, "Latchkey-Workspace", ownerB.workspaceId()),
                    200).get("id").asString()).isEqualTo(ownerA.workspaceId());
            assertThat(tenancy.snapshot(ownerA.workspaceId())).isEqualTo(aSnapshot);
        }
        assertThat(checked).hasSize(2 * (10 + 5));
        assertThat(tenancy.snapshot(ownerB.workspaceId())).isEqualTo(before.substring(before.indexOf("---\n") + 4));
    }

    @Test
    void theOwnerOfWorkspaceANeverReachesAnObjectOfB() {
        String before = snapshots();
        for (String environment : List.of("test", "live")) {
            String[] asOwnerOfA = {"Authorization", bearer(ownerA.token()), "Latchkey-Environment", environment};
            routesWithIdsOfB().forEach((route, call) ->
                    assertThat(problem(call.apply(asOwnerOfA), 404, "not_found").get("detail").asString())
                            .as(route).doesNotContain(ownerB.workspaceId()));
            memberRoutesWithIdsOfB().forEach((route, call) -> problem(call.apply(asOwnerOfA), 404, "not_found"));
            // the plan is the operators': an owner of A is refused for B as for A, learning nothing about B
            problem(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"FREE\",\"workspaceId\":\""
                    + ownerB.workspaceId() + "\"}", asOwnerOfA), 403, "role_forbidden");
        }
        assertThat(snapshots()).isEqualTo(before);
    }

    @Test
    void aUserCannotActInAWorkspaceTheyDoNotBelongTo() {
        String before = snapshots();
        String[] inB = ownerA.in(ownerB.workspaceId());
        List<HttpResponse<String>> responses = List.of(
                api.get("/v1/workspace", inB),
                api.get("/v1/keys", inB),
                api.get("/v1/keys/" + keyB, inB),
                api.post("/v1/keys", "{\"name\":\"intruder\",\"type\":\"sk\"}", inB),
                api.send("PATCH", "/v1/keys/" + keyB, "{\"name\":\"x\"}", inB),
                api.post("/v1/keys/" + keyB + "/roll", "{}", inB),
                api.post("/v1/keys/" + keyB + "/revoke", null, inB),
                api.get("/v1/usage?keyId=" + keyB, inB),
                api.get("/v1/audit-events", inB),
                api.get("/v1/members", inB),
                api.get("/v1/members/invitations", inB),
                tenancy.invite(ownerA, ownerB.workspaceId(), Tenancy.newEmail("friend"), "OWNER"),
                api.send("PATCH", "/v1/members/" + memberB, "{\"role\":\"ADMIN\"}", inB),
                api.send("DELETE", "/v1/members/" + memberB, null, inB),
                api.send("DELETE", "/v1/members/invitations/" + invitationB, null, inB),
                api.post("/v1/workspace/transfer", "{\"userId\":\"" + ownerA.userId() + "\"}", inB),
                api.get("/v1/workspace", "Authorization", bearer(ownerA.token()), "Latchkey-Workspace", "ws_nope"));
        for (HttpResponse<String> response : responses) {
            problem(response, 404, "not_found");
        }
        assertThat(snapshots()).isEqualTo(before);
    }

    @Test
    void listsShowOnlyTheCallersWorkspace() {
        JsonNode members = ok(api.get("/v1/members", ownerA.own()), 200);
        assertThat(members.get("data")).singleElement().satisfies(member ->
                assertThat(member.get("userId").asString()).isEqualTo(ownerA.userId()));
        assertThat(ok(api.get("/v1/members/invitations", ownerA.own()), 200).get("data")).isEmpty();
        JsonNode workspaces = ok(api.get("/v1/workspaces", "Authorization", bearer(ownerA.token())), 200);
        assertThat(workspaces.get("data")).singleElement().satisfies(workspace ->
                assertThat(workspace.get("id").asString()).isEqualTo(ownerA.workspaceId()));
        JsonNode keys = ok(api.get("/v1/keys", ownerA.own()), 200);
        keys.get("data").forEach(key -> assertThat(key.get("id").asString()).isNotIn(keyB, liveKeyB));
        // a cursor of B's list is nothing in A's
        assertThat(ok(api.get("/v1/members?cursor=" + memberB, ownerA.own()), 200).get("data")).isEmpty();
        assertThat(ok(api.get("/v1/members/invitations?cursor=" + invitationB, ownerA.own()), 200).get("data"))
                .isEmpty();
    }
}
