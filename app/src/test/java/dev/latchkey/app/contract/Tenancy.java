package dev.latchkey.app.contract;

import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * People and teams for the tenancy contract tests, made through the API as a client would (register, invite,
 * accept), and the database state of a workspace, to show that a refused request changed nothing.
 */
final class Tenancy {

    static final String PASSWORD = "correct horse battery";
    /** The operator of the tenancy tests' deployment ({@code latchkey.operators}). */
    static final String OPERATOR = "tenancy-ops@example.com";
    /** The properties every tenancy test class shares, so that they share one application context. */
    static final String DATA_DIR = "latchkey.data-dir=target/test-data/${random.uuid}";
    static final String OPERATORS = "latchkey.operators=" + OPERATOR;

    private final ApiClient api;
    private final JdbcTemplate jdbc;
    private String operatorToken;

    Tenancy(ApiClient api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A registered user: their token, id, own workspace and its first (secret, test) key. */
    record Person(String email, String token, String userId, String workspaceId, String apiKey) {

        /** Headers acting as this person in {@code workspaceId}. */
        String[] in(String workspaceId) {
            return new String[]{"Authorization", bearer(token), "Latchkey-Workspace", workspaceId};
        }

        String[] own() {
            return in(workspaceId);
        }
    }

    /** A workspace with an owner, an admin and a member, who joined through invitations. */
    record Team(String workspaceId, Person owner, Person admin, Person member) {
        Person as(String role) {
            return switch (role) {
                case "OWNER" -> owner;
                case "ADMIN" -> admin;
                case "MEMBER" -> member;
                default -> throw new IllegalArgumentException(role);
            };
        }
    }

    static String newEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    Person register(String name) {
        String email = newEmail(name);
        JsonNode registration = ok(api.post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\""
                + PASSWORD + "\",\"workspaceName\":\"" + name + "'s workspace\"}"), 201);
        String token = registration.get("access_token").asString();
        String userId = ok(api.get("/v1/auth/me", "Authorization", bearer(token)), 200).get("id").asString();
        return new Person(email, token, userId, registration.get("workspace").get("id").asString(),
                registration.get("apiKey").get("key").asString());
    }

    /** The operator's token; registered by the first test class of the context, signed in by the others. */
    synchronized String operator() {
        if (operatorToken == null) {
            HttpResponse<String> registered = api.post("/v1/auth/register", "{\"email\":\"" + OPERATOR
                    + "\",\"password\":\"" + PASSWORD + "\",\"workspaceName\":\"Operations\"}");
            operatorToken = registered.statusCode() == 201 ? ApiClient.json(registered).get("access_token").asString()
                    : ok(api.post("/v1/auth/login", "{\"email\":\"" + OPERATOR + "\",\"password\":\"" + PASSWORD
                    + "\"}"), 200).get("access_token").asString();
        }
        return operatorToken;
    }

    void setPlan(String workspaceId, String plan) {
        ok(api.send("PUT", "/v1/workspace/plan", "{\"plan\":\"" + plan + "\",\"workspaceId\":\"" + workspaceId
                + "\"}", "Authorization", bearer(operator())), 200);
    }

    HttpResponse<String> invite(Person by, String workspaceId, String email, String role) {
        return api.post("/v1/members/invitations", "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}",
                by.in(workspaceId));
    }

    HttpResponse<String> accept(Person who, String invitationToken) {
        return api.post("/v1/invitations/" + invitationToken + "/accept", null, "Authorization", bearer(who.token()));
    }

    /** A new person who joined {@code workspaceId} with {@code role}, invited by {@code by}. */
    Person join(Person by, String workspaceId, String role, String name) {
        Person person = register(name);
        JsonNode invitation = ok(invite(by, workspaceId, person.email(), role), 201);
        JsonNode joined = ok(accept(person, invitation.get("token").asString()), 200);
        assertThat(joined.get("id").asString()).isEqualTo(workspaceId);
        assertThat(joined.get("role").asString()).isEqualTo(role);
        return person;
    }

    /** A team on {@code plan}: its owner registered it, then invited an admin and a member. */
    Team team(String plan) {
        Person owner = register("owner");
        if (!plan.equals("FREE")) {
            setPlan(owner.workspaceId(), plan);
        }
        Person admin = join(owner, owner.workspaceId(), "ADMIN", "admin");
        Person member = join(owner, owner.workspaceId(), "MEMBER", "member");
        return new Team(owner.workspaceId(), owner, admin, member);
    }

    /** Every stored row of a workspace that a request could change, as text: equal snapshots, no change. */
    String snapshot(String workspaceId) {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.queryForList("select row(w.*)::text from workspaces w where w.id = ?", String.class,
                workspaceId));
        rows.addAll(jdbc.queryForList("select row(m.*)::text from memberships m where m.workspace_id = ? "
                + "order by m.user_id", String.class, workspaceId));
        rows.addAll(jdbc.queryForList("select row(i.*)::text from invitations i where i.workspace_id = ? "
                + "order by i.id", String.class, workspaceId));
        // every column of the keys but their last use, which a concurrent usage flush may move
        rows.addAll(jdbc.queryForList("select concat_ws('|', k.id, k.name, k.scopes::text, k.rate_limit_per_minute, "
                + "k.ip_allowlist::text, k.expires_at, k.revoked_at, k.rolled_to_id, k.environment) from api_keys k "
                + "where k.workspace_id = ? order by k.id", String.class, workspaceId));
        rows.add("audit events: " + jdbc.queryForObject("select count(*) from audit_events where workspace_id = ?",
                Integer.class, workspaceId));
        return String.join("\n", rows);
    }

    /** The roles of a workspace's members by user id, as text. */
    String roleOf(String workspaceId, String userId) {
        List<String> roles = jdbc.queryForList("select role from memberships where workspace_id = ? and user_id = ?",
                String.class, workspaceId, userId);
        return roles.isEmpty() ? null : roles.getFirst();
    }

    List<String> auditActions(String workspaceId) {
        return jdbc.queryForList("select action from audit_events where workspace_id = ? order by occurred_at, id",
                String.class, workspaceId);
    }
}
