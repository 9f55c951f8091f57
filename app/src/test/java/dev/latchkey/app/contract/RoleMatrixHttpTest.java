package dev.latchkey.app.contract;

import dev.latchkey.app.contract.Tenancy.Person;
import dev.latchkey.app.contract.Tenancy.Team;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.function.Supplier;

import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The role matrix over real HTTP (PRODUCT.md §1, §3): OWNER, ADMIN and MEMBER × every write endpoint of keys and
 * members, each answered with the expected status and code; a refused request changes nothing in the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {Tenancy.DATA_DIR, Tenancy.OPERATORS})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixHttpTest {

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

    /** Runs {@code request}; when {@code status} is a refusal, asserts its code and that the workspace is unchanged. */
    private JsonNode expect(Team team, String cell, int status, String code, Supplier<HttpResponse<String>> request) {
        String before = tenancy.snapshot(team.workspaceId());
        HttpResponse<String> response = request.get();
        if (code == null) {
            assertThat(response.statusCode()).as(cell + ": " + response.body()).isEqualTo(status);
            return response.body().isEmpty() ? null : ApiClient.json(response);
        }
        JsonNode refused = problem(response, status, code);
        assertThat(tenancy.snapshot(team.workspaceId())).as(cell + " changed nothing").isEqualTo(before);
        return refused;
    }

    private JsonNode createKey(Team team, Person as) {
        return ok(api.post("/v1/keys", "{\"name\":\"matrix\",\"type\":\"sk\"}", as.in(team.workspaceId())), 201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"OWNER", "ADMIN", "MEMBER"})
    void keyWrites(String role) {
        Team team = tenancy.team("PRO");
        Person actor = team.as(role);
        String[] as = actor.in(team.workspaceId());
        boolean writes = !role.equals("MEMBER");
        int refused = 403;
        String forbidden = "role_forbidden";
        String key = createKey(team, team.owner()).get("id").asString();

        expect(team, role + " creates a key", writes ? 201 : refused, writes ? null : forbidden,
                () -> api.post("/v1/keys", "{\"name\":\"by " + role + "\",\"type\":\"rk\",\"scopes\":[\"keys:read\"]}",
                        as));
        expect(team, role + " edits a key", writes ? 200 : refused, writes ? null : forbidden,
                () -> api.send("PATCH", "/v1/keys/" + key, "{\"name\":\"renamed by " + role + "\"}", as));
        JsonNode rolled = expect(team, role + " rolls a key", writes ? 201 : refused, writes ? null : forbidden,
                () -> api.post("/v1/keys/" + key + "/roll", "{\"expiresInSeconds\":60}", as));
        String live = writes ? rolled.get("id").asString() : key;
        expect(team, role + " revokes a key", writes ? 200 : refused, writes ? null : forbidden,
                () -> api.post("/v1/keys/" + live + "/revoke", null, as));
        // every role reads
        assertThat(ok(api.get("/v1/keys", as), 200).get("data")).isNotEmpty();
        assertThat(ok(api.get("/v1/keys/" + key, as), 200).get("prefix").asString()).startsWith("sk_test_");
        if (writes) {
            assertThat(tenancy.auditActions(team.workspaceId())).contains("key.created", "key.edited", "key.rolled",
                    "key.revoked");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"OWNER", "ADMIN", "MEMBER"})
    void memberWrites(String role) {
        Team team = tenancy.team("PRO");
        String ws = team.workspaceId();
        Person actor = team.as(role);
        String[] as = actor.in(ws);
        boolean manages = !role.equals("MEMBER");
        boolean owner = role.equals("OWNER");
        String forbidden = "role_forbidden";

        // invitations: as MEMBER, as OWNER
        JsonNode invited = expect(team, role + " invites a member", manages ? 201 : 403, manages ? null : forbidden,
                () -> tenancy.invite(actor, ws, Tenancy.newEmail("invitee"), "MEMBER"));
        expect(team, role + " invites an owner", owner ? 201 : 403, owner ? null : forbidden,
                () -> tenancy.invite(actor, ws, Tenancy.newEmail("co-owner"), "OWNER"));
        String memberInvitation = manages ? invited.get("id").asString()
                : ok(tenancy.invite(team.owner(), ws, Tenancy.newEmail("invitee"), "MEMBER"), 201).get("id").asString();
        String ownerInvitation = ok(tenancy.invite(team.owner(), ws, Tenancy.newEmail("future-owner"), "OWNER"), 201)
                .get("id").asString();
        expect(team, role + " revokes a member's invitation", manages ? 204 : 403, manages ? null : forbidden,
                () -> api.send("DELETE", "/v1/members/invitations/" + memberInvitation, null, as));
        expect(team, role + " revokes an owner's invitation", owner ? 204 : 403, owner ? null : forbidden,
                () -> api.send("DELETE", "/v1/members/invitations/" + ownerInvitation, null, as));

        // role changes of a member, to admin and to owner; of the owner
        Person target = tenancy.join(team.owner(), ws, "MEMBER", "target");
        expect(team, role + " makes a member an admin", manages ? 200 : 403, manages ? null : forbidden,
                () -> api.send("PATCH", "/v1/members/" + target.userId(), "{\"role\":\"ADMIN\"}", as));
        assertThat(tenancy.roleOf(ws, target.userId())).isEqualTo(manages ? "ADMIN" : "MEMBER");
        expect(team, role + " makes a member an owner", owner ? 200 : 403, owner ? null : forbidden,
                () -> api.send("PATCH", "/v1/members/" + target.userId(), "{\"role\":\"OWNER\"}", as));
        if (owner) {
            // two owners now: the target is demoted again, and then the last owner may not demote themselves
            ok(api.send("PATCH", "/v1/members/" + target.userId(), "{\"role\":\"MEMBER\"}", as), 200);
            expect(team, "the last owner demotes themselves", 409, "conflict",
                    () -> api.send("PATCH", "/v1/members/" + actor.userId(), "{\"role\":\"ADMIN\"}", as));
            expect(team, "the last owner leaves", 409, "conflict",
                    () -> api.send("DELETE", "/v1/members/" + actor.userId(), null, as));
        } else {
            expect(team, role + " demotes the owner", 403, forbidden,
                    () -> api.send("PATCH", "/v1/members/" + team.owner().userId(), "{\"role\":\"MEMBER\"}", as));
            expect(team, role + " removes the owner", 403, forbidden,
                    () -> api.send("DELETE", "/v1/members/" + team.owner().userId(), null, as));
        }

        // removal of another member
        expect(team, role + " removes a member", manages ? 204 : 403, manages ? null : forbidden,
                () -> api.send("DELETE", "/v1/members/" + target.userId(), null, as));
        assertThat(tenancy.roleOf(ws, target.userId())).isEqualTo(manages ? null : "MEMBER");

        // the plan is the operators' only
        expect(team, role + " sets the plan", 403, forbidden,
                () -> api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"ENTERPRISE\"}", as));

        // ownership transfer, then leaving
        Person heir = team.member();
        expect(team, role + " transfers ownership", owner ? 200 : 403, owner ? null : forbidden,
                () -> api.post("/v1/workspace/transfer", "{\"userId\":\"" + heir.userId() + "\"}", as));
        if (owner) {
            assertThat(tenancy.roleOf(ws, heir.userId())).isEqualTo("OWNER");
            assertThat(tenancy.roleOf(ws, actor.userId())).isEqualTo("ADMIN");
        }
        // every member may leave (the owner, now an admin, too)
        expect(team, role + " leaves", 204, null,
                () -> api.send("DELETE", "/v1/members/" + actor.userId(), null, as));
        assertThat(tenancy.roleOf(ws, actor.userId())).isNull();
        problem(api.get("/v1/members", as), 404, "not_found");
        assertThat(tenancy.auditActions(ws)).contains("member.removed");
    }
}
