package dev.latchkey.app.contract;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.latchkey.app.contract.ApiClient.bearer;
import static dev.latchkey.app.contract.ApiClient.json;
import static dev.latchkey.app.contract.ApiClient.ok;
import static dev.latchkey.app.contract.ApiClient.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account protection over HTTP: sign-in throttling per account and per client address (the same answer whether or
 * not the account exists), the password policy, password change invalidating earlier tokens, and the audit events
 * of it all. The test is its own trusted proxy (loopback), so each test signs in from addresses of its own; the
 * limits are lowered to 3 per account and 6 per address to keep it short.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"latchkey.data-dir=target/test-data/${random.uuid}", "latchkey.trusted-proxies=127.0.0.1,::1",
                "latchkey.login.max-failures-per-account=3", "latchkey.login.max-failures-per-address=6"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountProtectionHttpTest {

    private static final String PASSWORD = "correct horse battery";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Value("${local.server.port}")
    int port;

    private ApiClient api;

    @BeforeAll
    void client() {
        api = new ApiClient(port);
    }

    /** An address no other test signs in from. */
    private static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }

    private static String newEmail() {
        return "protected-" + UUID.randomUUID() + "@example.com";
    }

    private JsonNode register(String email, String from) {
        return ok(api.post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD
                + "\",\"workspaceName\":\"Guarded\"}", "X-Forwarded-For", from), 201);
    }

    private HttpResponse<String> login(String email, String password, String from) {
        return api.post("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                "X-Forwarded-For", from);
    }

    private String token(String email, String password, String from) {
        return ok(login(email, password, from), 200).get("access_token").asString();
    }

    private HttpResponse<String> changePassword(String token, String current, String next, String from) {
        return api.post("/v1/auth/password", "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next
                + "\"}", "Authorization", bearer(token), "X-Forwarded-For", from);
    }

    /** 429 rate_limited with a Retry-After of whole seconds within the 15-minute window; the body. */
    private static JsonNode throttled(HttpResponse<String> response) {
        JsonNode body = problem(response, 429, "rate_limited");
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 900L);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        return body;
    }

    @Test
    void anAccountIsThrottledAfterItsFailuresAndAnUnknownEmailGetsExactlyTheSameAnswer() {
        String email = newEmail();
        register(email, newAddress());
        String unknown = newEmail();
        String attacker = newAddress();
        String otherAttacker = newAddress();

        for (int i = 0; i < 3; i++) {
            problem(login(email, "wrong guess " + i, attacker), 401, "credentials_invalid");
            problem(login(unknown, "wrong guess " + i, otherAttacker), 401, "credentials_invalid");
        }

        // from a fresh address too: it is the account that is held, and even the right password does not get in
        HttpResponse<String> known = login(email, PASSWORD, newAddress());
        HttpResponse<String> nobody = login(unknown, PASSWORD, newAddress());
        JsonNode knownBody = throttled(known);
        JsonNode nobodyBody = throttled(nobody);
        assertThat(nobody.body()).isEqualTo(known.body());
        assertThat(knownBody.get("detail").asString()).doesNotContain(email).doesNotContain(PASSWORD);
        assertThat(nobodyBody.toString()).isEqualTo(knownBody.toString());
        assertThat(known.headers().firstValue("Retry-After")).isPresent();
        assertThat(known.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));

        // another account is not held back by this one
        String bystander = newEmail();
        register(bystander, newAddress());
        ok(login(bystander, PASSWORD, attacker), 200);
    }

    @Test
    void anAddressIsThrottledAfterItsFailuresWhateverTheAccount() {
        String email = newEmail();
        register(email, newAddress());
        String attacker = newAddress();

        for (int i = 0; i < 6; i++) {
            problem(login(newEmail(), "spray " + i, attacker), 401, "credentials_invalid");
        }

        JsonNode fromThere = throttled(login(email, PASSWORD, attacker));
        JsonNode unknownFromThere = throttled(login(newEmail(), PASSWORD, attacker));
        assertThat(unknownFromThere.toString()).isEqualTo(fromThere.toString());
        ok(login(email, PASSWORD, newAddress()), 200);
    }

    @Test
    void aSuccessfulSignInClearsTheAccountsFailures() {
        String email = newEmail();
        register(email, newAddress());
        String from = newAddress();

        problem(login(email, "wrong one", from), 401, "credentials_invalid");
        problem(login(email, "wrong two", from), 401, "credentials_invalid");
        ok(login(email, PASSWORD, from), 200);

        for (int i = 0; i < 3; i++) {
            problem(login(email, "wrong again " + i, from), 401, "credentials_invalid");
        }
        throttled(login(email, PASSWORD, newAddress()));
    }

    @Test
    void aPasswordChangeEndsEveryEarlierTokenAndTheNewPasswordSignsIn() {
        String email = newEmail();
        String from = newAddress();
        String registered = register(email, from).get("access_token").asString();
        String signedIn = token(email, PASSWORD, from);
        ok(api.get("/v1/auth/me", "Authorization", bearer(registered)), 200);

        HttpResponse<String> changed = changePassword(signedIn, PASSWORD, "difference engine no 2", from);

        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        assertThat(changed.body()).isEmpty();
        problem(api.get("/v1/auth/me", "Authorization", bearer(registered)), 401, "token_invalid");
        problem(api.get("/v1/auth/me", "Authorization", bearer(signedIn)), 401, "token_invalid");
        problem(api.get("/v1/keys", "Authorization", bearer(signedIn)), 401, "token_invalid");
        problem(login(email, PASSWORD, from), 401, "credentials_invalid");
        String fresh = token(email, "difference engine no 2", from);
        JsonNode me = ok(api.get("/v1/auth/me", "Authorization", bearer(fresh)), 200);
        assertThat(me.get("email").asString()).isEqualTo(email);
    }

    @Test
    void aPasswordChangeTakesAUserTokenAndTheRightCurrentPassword() {
        String email = newEmail();
        String from = newAddress();
        JsonNode registered = register(email, from);
        String token = registered.get("access_token").asString();

        problem(changePassword(token, "not my password", "difference engine", from), 401, "credentials_invalid");
        problem(api.post("/v1/auth/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":"
                + "\"difference engine\"}", "X-Api-Key", registered.get("apiKey").get("key").asString()), 401,
                "auth_invalid");
        problem(api.post("/v1/auth/password", "{\"currentPassword\":\"" + PASSWORD + "\",\"newPassword\":"
                + "\"difference engine\"}"), 401, "auth_missing");
        ok(api.get("/v1/auth/me", "Authorization", bearer(token)), 200); // nothing changed
    }

    @Test
    void wrongCurrentPasswordsCountAgainstTheAccountsSignInLimit() {
        String email = newEmail();
        String token = register(email, newAddress()).get("access_token").asString();

        for (int i = 0; i < 3; i++) {
            problem(changePassword(token, "guess " + i, "difference engine", newAddress()), 401,
                    "credentials_invalid");
        }

        throttled(changePassword(token, PASSWORD, "difference engine", newAddress()));
        throttled(login(email, PASSWORD, newAddress()));
        ok(api.get("/v1/auth/me", "Authorization", bearer(token)), 200); // the token itself still works
    }

    @Test
    void thePasswordPolicyAnswers422NamingTheField() {
        String email = newEmail();
        String from = newAddress();

        JsonNode asEmail = problem(api.post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\""
                + email.toUpperCase(java.util.Locale.ROOT) + "\",\"workspaceName\":\"W\"}"), 422, "validation_failed");
        assertThat(asEmail.get("errors").get(0).get("field").asString()).isEqualTo("password");
        assertThat(asEmail.get("errors").get(0).get("message").asString()).contains("email address");
        JsonNode common = problem(api.post("/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":"
                + "\"Password123\",\"workspaceName\":\"W\"}"), 422, "validation_failed");
        assertThat(common.get("errors").get(0).get("message").asString()).contains("most common passwords");
        assertThat(common.toString()).doesNotContain("Password123");

        String token = register(email, from).get("access_token").asString();
        JsonNode tooCommon = problem(changePassword(token, PASSWORD, "qwertyuiop", from), 422, "validation_failed");
        assertThat(tooCommon.get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        JsonNode same = problem(changePassword(token, PASSWORD, PASSWORD, from), 422, "validation_failed");
        assertThat(same.get("errors").get(0).get("message").asString()).contains("different from the current");
        JsonNode tooShort = problem(changePassword(token, PASSWORD, "short", from), 422, "validation_failed");
        assertThat(tooShort.get("errors").get(0).get("message").asString()).contains("at least 8");
        JsonNode noCurrent = problem(api.post("/v1/auth/password", "{\"newPassword\":\"difference engine\"}",
                "Authorization", bearer(token)), 422, "validation_failed");
        assertThat(noCurrent.get("errors").get(0).get("field").asString()).isEqualTo("currentPassword");
        ok(api.get("/v1/auth/me", "Authorization", bearer(token)), 200); // none of these changed anything
        ok(login(email, PASSWORD, from), 200);
    }

    @Test
    void signInsAndPasswordChangesAreInTheAuditLogWithTheClientAddress() {
        String email = newEmail();
        String registeredFrom = newAddress();
        String signedInFrom = newAddress();
        String failedFrom = newAddress();
        String changedFrom = newAddress();
        JsonNode registered = register(email, registeredFrom);
        String userId = ok(api.get("/v1/auth/me", "Authorization",
                bearer(registered.get("access_token").asString())), 200).get("id").asString();

        String token = token(email, PASSWORD, signedInFrom);
        problem(login(email, "not the password", failedFrom), 401, "credentials_invalid");
        problem(login(newEmail(), "not the password", failedFrom), 401, "credentials_invalid"); // no account: no row
        assertThat(changePassword(token, PASSWORD, "difference engine", changedFrom).statusCode()).isEqualTo(204);
        String owner = token(email, "difference engine", signedInFrom);

        JsonNode events = ok(api.get("/v1/audit-events", "Authorization", bearer(owner)), 200).get("data");
        List<String> actions = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        events.forEach(event -> {
            actions.add(event.get("action").asString());
            addresses.add(event.get("ip").asString());
        });
        assertThat(actions.subList(0, 4)).containsExactly("user.login_succeeded", "user.password_changed",
                "user.login_failed", "user.login_succeeded");
        // registration records both at the same instant: their order among themselves is not defined
        assertThat(actions.subList(4, actions.size())).containsExactlyInAnyOrder("key.created", "workspace.created");
        assertThat(addresses).containsExactly(signedInFrom, changedFrom, failedFrom, signedInFrom, registeredFrom,
                registeredFrom);
        for (int i = 0; i < 4; i++) {
            JsonNode event = events.get(i);
            assertThat(event.get("actor").get("type").asString()).isEqualTo("user");
            assertThat(event.get("actor").get("id").asString()).isEqualTo(userId);
            assertThat(event.get("actor").get("label").asString()).isEqualTo(email);
            assertThat(event.get("target").get("type").asString()).isEqualTo("user");
            assertThat(event.get("target").get("id").asString()).isEqualTo(userId);
            assertThat(event.get("environment").isNull()).isTrue();
        }
        assertThat(events.toString()).doesNotContain(PASSWORD).doesNotContain("difference engine")
                .doesNotContain("not the password").doesNotContain(token).doesNotContain(owner);

        JsonNode failures = ok(api.get("/v1/audit-events?action=user.login_failed", "Authorization", bearer(owner)),
                200).get("data");
        assertThat(failures).hasSize(1);
        assertThat(json(api.get("/v1/audit-events?action=user.password_changed&actorId=" + userId, "Authorization",
                bearer(owner))).get("data")).hasSize(1);
    }
}
