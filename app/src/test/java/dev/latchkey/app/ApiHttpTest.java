package dev.latchkey.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

/** The /v1 API over real HTTP on a random port, backed by a real (embedded) PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "latchkey.data-dir=target/test-data/${random.uuid}")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiHttpTest {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Value("${local.server.port}")
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private String email;
    private JsonNode registration;
    private String key;
    private String token;

    @BeforeAll
    void register() throws Exception {
        email = "owner-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> response = post("/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"workspaceName\":\"Acme\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        registration = JSON.readTree(response.body());
        key = registration.get("apiKey").get("key").asString();
        token = registration.get("access_token").asString();
    }

    @Test
    void registrationAnswersTheShapeOfTheContract() {
        assertThat(registration.get("token_type").asString()).isEqualTo("bearer");
        assertThat(registration.get("expires_in").asLong()).isEqualTo(86_400);
        JsonNode workspace = registration.get("workspace");
        assertThat(workspace.get("id").asString()).startsWith("ws_");
        assertThat(workspace.get("name").asString()).isEqualTo("Acme");
        assertThat(workspace.get("plan").asString()).isEqualTo("FREE");
        assertThat(workspace.get("environment").asString()).isEqualTo("test");
        JsonNode apiKey = registration.get("apiKey");
        assertThat(apiKey.get("id").asString()).startsWith("key_");
        assertThat(apiKey.get("type").asString()).isEqualTo("sk");
        assertThat(apiKey.get("environment").asString()).isEqualTo("test");
        assertThat(apiKey.get("prefix").asString()).isEqualTo(key.substring(0, 12));
        assertThat(apiKey.get("last4").asString()).isEqualTo(key.substring(key.length() - 4));
        assertThat(apiKey.get("status").asString()).isEqualTo("active");
        assertThat(apiKey.get("rateLimit").get("requestsPerMinute").asInt()).isEqualTo(60);
        assertThat(apiKey.get("scopes")).extracting(JsonNode::asString).contains("workspace:read", "keys:write");
        assertThat(apiKey.has("lastUsedAt")).isTrue();
        assertThat(apiKey.get("createdAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
    }

    @Test
    void theFirstKeyHasTheFormatAndChecksumOfTheContract() {
        assertThat(key).matches("sk_test_[0-9A-Za-z]{32}");
        assertThat(key.substring(34)).isEqualTo(checksum(key.substring(0, 34)));
    }

    @Test
    void theKeyReadsTheWorkspaceThroughBothHeaders() throws Exception {
        String workspaceId = registration.get("workspace").get("id").asString();
        for (HttpResponse<String> response : new HttpResponse[]{
                get("/v1/workspace", "Authorization", "Bearer " + key),
                get("/v1/workspace", "X-Api-Key", key),
                get("/v1/workspace", "Authorization", "Bearer " + key, "X-Api-Key", key)}) {
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.get("id").asString()).isEqualTo(workspaceId);
            assertThat(body.get("environment").asString()).isEqualTo("test");
        }
    }

    @Test
    void theTokenReadsTheWorkspaceInTheChosenEnvironment() throws Exception {
        HttpResponse<String> byDefault = get("/v1/workspace", "Authorization", "Bearer " + token);
        HttpResponse<String> live = get("/v1/workspace", "Authorization", "Bearer " + token,
                "Latchkey-Environment", "live");
        assertThat(byDefault.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(byDefault.body()).get("environment").asString()).isEqualTo("test");
        assertThat(JSON.readTree(live.body()).get("environment").asString()).isEqualTo("live");
        assertProblem(get("/v1/workspace", "Authorization", "Bearer " + token, "Latchkey-Environment", "prod"),
                400, "bad_request");
        assertProblem(get("/v1/workspace", "Authorization", "Bearer " + token,
                "Latchkey-Workspace", "ws_" + "A".repeat(22)), 404, "not_found");
    }

    @Test
    void loginAnswersATokenAndRefusesWrongCredentialsAlike() throws Exception {
        HttpResponse<String> ok = post("/v1/auth/login",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"correct horse battery\"}");
        assertThat(ok.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(ok.body());
        assertThat(body.get("token_type").asString()).isEqualTo("bearer");
        assertThat(get("/v1/workspace", "Authorization", "Bearer " + body.get("access_token").asString()).statusCode())
                .isEqualTo(200);

        JsonNode wrongPassword = assertProblem(post("/v1/auth/login",
                "{\"email\":\"" + email + "\",\"password\":\"wrong horse battery\"}"), 401, "credentials_invalid");
        JsonNode unknownUser = assertProblem(post("/v1/auth/login",
                "{\"email\":\"nobody@example.com\",\"password\":\"wrong horse battery\"}"), 401, "credentials_invalid");
        assertThat(wrongPassword.get("detail")).isEqualTo(unknownUser.get("detail"));
    }

    @Test
    void everyAuthenticationFailureHasItsCode() throws Exception {
        assertProblem(get("/v1/workspace"), 401, "auth_missing");
        assertProblem(get("/v1/workspace", "Authorization", "Basic dXNlcjpwYXNz"), 401, "auth_missing");
        String mistyped = key.substring(0, 20) + (key.charAt(20) == 'a' ? 'b' : 'a') + key.substring(21);
        assertProblem(get("/v1/workspace", "X-Api-Key", mistyped), 401, "auth_format");
        assertProblem(get("/v1/workspace", "X-Api-Key", "sk_test_short"), 401, "auth_format");
        assertProblem(get("/v1/workspace", "X-Api-Key", wellFormedUnknownKey()), 401, "auth_invalid");
        assertProblem(get("/v1/workspace", "Authorization", "Bearer " + key, "X-Api-Key", wellFormedUnknownKey()),
                400, "auth_ambiguous");
        assertProblem(get("/v1/workspace?api_key=" + key), 400, "key_in_query");
        assertProblem(get("/v1/workspace", "Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.e30.bm90LXNpZ25lZA"),
                401, "token_invalid");
    }

    @Test
    void badInputIsAClearProblemNeverA500() throws Exception {
        JsonNode invalid = assertProblem(post("/v1/auth/register",
                "{\"email\":\"not-an-email\",\"password\":\"short\",\"workspaceName\":\" \"}"), 422, "validation_failed");
        assertThat(invalid.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("email", "password", "workspaceName");
        assertProblem(post("/v1/auth/register", "{not json"), 400, "bad_request");
        assertProblem(post("/v1/auth/register", ""), 400, "bad_request");
        assertProblem(post("/v1/auth/register",
                "{\"email\":\"" + email + "\",\"password\":\"another password\",\"workspaceName\":\"Again\"}"),
                409, "conflict");
        assertProblem(get("/v1/no-such-thing", "X-Api-Key", key), 404, "not_found");
        JsonNode nul = assertProblem(post("/v1/auth/register",
                "{\"email\":\"a\\u0000b@example.com\",\"password\":\"long enough\",\"workspaceName\":\"A\\u0000B\"}"),
                422, "validation_failed");
        assertThat(nul.get("errors")).extracting(e -> e.get("field").asString())
                .containsExactlyInAnyOrder("email", "workspaceName");
        assertProblem(post("/v1/auth/login", "{\"email\":\"a\\u0000@example.com\",\"password\":\"long enough\"}"),
                401, "credentials_invalid");
        assertProblem(post("/v1/auth/register", "{\"email\":1,\"password\":null}"), 422, "validation_failed");
        assertProblem(get("/v1//workspace", "X-Api-Key", key), 400, "bad_request");
        assertProblem(get("/v1/workspace", "X-Api-Key", key, "Accept", "application/xml"), 400, "bad_request");
    }

    @Test
    void healthIsPublicAndIncludesTheDatabase() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(health.body());
        assertThat(body.get("status").asString()).isEqualTo("UP");
        assertThat(body.get("components").get("db").get("status").asString()).isEqualTo("UP");
    }

    @Test
    void theKeyIsStoredOnlyAsItsHash() throws Exception {
        String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(key.getBytes(StandardCharsets.UTF_8)));
        String keyId = registration.get("apiKey").get("id").asString();
        assertThat(jdbc.queryForObject("select key_hash from api_keys where id = ?", String.class, keyId))
                .isEqualTo(hash);
        assertThat(jdbc.queryForObject("select count(*) from api_keys where row(api_keys.*)::text like ?",
                Integer.class, "%" + key.substring(12) + "%")).isZero();
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain(key).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }

    private static String wellFormedUnknownKey() {
        SecureRandom random = new SecureRandom();
        StringBuilder payload = new StringBuilder("sk_test_");
        for (int i = 0; i < 26; i++) {
            payload.append(BASE62.charAt(random.nextInt(62)));
        }
        return payload + checksum(payload.toString());
    }

    /** PRODUCT.md §2 checksum, computed here independently of the domain code. */
    private static String checksum(String payload) {
        CRC32 crc = new CRC32();
        crc.update(payload.getBytes(StandardCharsets.UTF_8));
        long value = crc.getValue();
        StringBuilder checksum = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            checksum.insert(0, BASE62.charAt((int) (value % 62)));
            value /= 62;
        }
        return checksum.toString();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
