package dev.latchkey.web;

import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyFilter;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import dev.latchkey.application.port.in.ManageApiKeysUseCase.EditApiKeyCommand;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase.VerifyCommand;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The key endpoints of PRODUCT.md §5, §8 and §12: their shapes and refusals. */
class ApiKeyEndpointsTest extends ApiTestSupport {

    /** The §12 key, in order; {@code key} only when it is issued. */
    static final List<String> KEY_FIELDS = List.of("id", "name", "type", "environment", "prefix", "last4", "scopes",
            "rateLimit", "ipAllowlist", "signing", "status", "createdAt", "expiresAt", "revokedAt", "lastUsedAt",
            "lastUsedIp", "rolledToId");

    static final String SAMPLE_ID = WebTestApplication.SAMPLE.key().id().value();

    @Autowired ObjectMapper json;

    private JsonNode body(ResultActions result) throws Exception {
        MvcResult done = result.andReturn();
        return json.readTree(done.getResponse().getContentAsString());
    }

    private ResultActions create(String body) throws Exception {
        return mvc.perform(post("/v1/keys").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void createAnswers201WithTheKeyShownOnce() throws Exception {
        ResultActions result = rateLimited(create("""
                {"name": " Billing ", "type": "rk", "environment": "live", "scopes": ["keys:read", "jobs:write"],
                 "rateLimit": {"requestsPerMinute": 120}, "expiresAt": "2027-01-31T13:00:00+01:00",
                 "ipAllowlist": ["203.0.113.9/24"], "signing": false}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("Location", startsWith("/v1/keys/key_")))
                .andExpect(jsonPath("$.name").value("Billing"))
                .andExpect(jsonPath("$.type").value("rk"))
                .andExpect(jsonPath("$.environment").value("live"))
                .andExpect(jsonPath("$.key", startsWith("rk_live_")))
                .andExpect(jsonPath("$.prefix", startsWith("rk_live_")))
                .andExpect(jsonPath("$.rateLimit.requestsPerMinute").value(120))
                .andExpect(jsonPath("$.ipAllowlist[0]").value("203.0.113.0/24"))
                .andExpect(jsonPath("$.expiresAt").value("2027-01-31T12:00:00Z"))
                .andExpect(jsonPath("$.createdAt").value("2026-11-22T10:00:00Z"))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.signing").value(false));
        JsonNode created = body(result);
        assertThat(created.propertyNames()).containsExactlyElementsOf(concat(KEY_FIELDS, "key"));
        assertThat(result.andReturn().getResponse().getHeader("Location")).isEqualTo("/v1/keys/" + created.get("id").stringValue());
        CreateApiKeyCommand command = (CreateApiKeyCommand) WebTestApplication.lastQuery.get();
        assertThat(command.type()).isEqualTo(KeyType.RESTRICTED);
        assertThat(command.environment()).contains(Environment.LIVE);
        assertThat(command.rateLimitPerMinute()).contains(120);
        assertThat(command.expiresAt()).isEqualTo(Instant.parse("2027-01-31T12:00:00Z"));
    }

    @Test
    void createReportsEveryInvalidFieldAtOnce() throws Exception {
        invalid(create("""
                {"name": " ", "type": "xk", "environment": "prod", "scopes": ["Keys:Read"],
                 "rateLimit": {"requestsPerMinute": 0}, "expiresAt": "tomorrow", "ipAllowlist": ["example.com"],
                 "signing": true}"""),
                "name", "type", "environment", "scopes[0]", "rateLimit.requestsPerMinute", "expiresAt",
                "ipAllowlist[0]");
        invalid(create("{\"name\": \"a\"}"), "type");
    }

    @Test
    void wrongJsonTypesNameTheirField() throws Exception {
        invalid(create("{\"name\": \"a\", \"type\": \"sk\", \"rateLimit\": \"x\"}"), "rateLimit");
        invalid(create("{\"name\": \"a\", \"type\": \"sk\", \"rateLimit\": {\"requestsPerMinute\": \"many\"}}"),
                "rateLimit.requestsPerMinute");
        invalid(create("{\"name\": \"a\", \"type\": \"sk\", \"scopes\": \"keys:read\"}"), "scopes");
        invalid(create("{\"name\": \"a\", \"type\": \"sk\", \"signing\": \"maybe\"}"), "signing");
    }

    @Test
    void malformedBodiesAreBadRequests() throws Exception {
        problem(create("{\"name\": "), 400, "bad_request");
        problem(create(""), 400, "bad_request");
        problem(create("[1, 2]"), 400, "bad_request");
        problem(mvc.perform(post("/v1/keys").header("X-Api-Key", KEY).contentType(MediaType.TEXT_PLAIN).content("x")),
                400, "bad_request");
    }

    @Test
    void listAnswersAPageWithoutSecrets() throws Exception {
        JsonNode page = body(mvc.perform(get("/v1/keys?limit=5&type=SK&status=active&environment=test&cursor="
                        + SAMPLE_ID).header("X-Api-Key", KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hasMore").value(true))
                .andExpect(jsonPath("$.nextCursor").value(SAMPLE_ID))
                .andExpect(jsonPath("$.data[0].id").value(SAMPLE_ID)));
        assertThat(page.propertyNames()).containsExactly("data", "hasMore", "nextCursor");
        assertThat(page.get("data").get(0).propertyNames()).containsExactlyElementsOf(KEY_FIELDS);
        @SuppressWarnings("unchecked")
        List<Object> query = (List<Object>) WebTestApplication.lastQuery.get();
        assertThat(query).containsExactly(new KeyFilter(Optional.of(KeyType.SECRET), Optional.of(ApiKeyStatus.ACTIVE),
                        Optional.of(Environment.TEST)),
                new PageRequest(5, SAMPLE_ID));

        mvc.perform(get("/v1/keys").header("Authorization", jwt())).andExpect(status().isOk());
        assertThat(WebTestApplication.lastQuery.get()).isEqualTo(List.of(KeyFilter.any(), new PageRequest(20, null)));
    }

    @Test
    void listRefusesBadParametersByName() throws Exception {
        invalid(mvc.perform(get("/v1/keys?limit=0&type=xk&status=gone&cursor=abc").header("X-Api-Key", KEY)),
                "limit", "type", "status", "cursor");
        invalid(mvc.perform(get("/v1/keys?limit=101").header("X-Api-Key", KEY)), "limit");
        invalid(mvc.perform(get("/v1/keys?limit=ten").header("X-Api-Key", KEY)), "limit");
        invalid(mvc.perform(get("/v1/keys?environment=staging").header("X-Api-Key", KEY)), "environment");
        // the environment filter is the service's to judge (a key: only its own; a user: any served one)
        mvc.perform(get("/v1/keys?environment=LIVE").header("Authorization", jwt())).andExpect(status().isOk());
        assertThat(WebTestApplication.lastQuery.get()).asList().first()
                .isEqualTo(new KeyFilter(Optional.empty(), Optional.empty(), Optional.of(Environment.LIVE)));
    }

    @Test
    void getAnswersTheKeyWithItsAllowlistSigningAndStatus() throws Exception {
        JsonNode key = body(mvc.perform(get("/v1/keys/" + SAMPLE_ID).header("X-Api-Key", KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ipAllowlist[0]").value("203.0.113.0/24"))
                .andExpect(jsonPath("$.signing").value(true))
                .andExpect(jsonPath("$.status").value("active"))
                .andExpect(jsonPath("$.scopes[0]").value("keys:read"))
                .andExpect(jsonPath("$.rolledToId").isEmpty())
                .andExpect(jsonPath("$.lastUsedAt").isEmpty()));
        assertThat(key.propertyNames()).containsExactlyElementsOf(KEY_FIELDS);
        problem(mvc.perform(get("/v1/keys/not-a-key").header("X-Api-Key", KEY)), 404, "not_found");
        problem(mvc.perform(get("/v1/keys/key_BBBBBBBBBBBBBBBBBBBBBB").header("X-Api-Key", KEY)), 404, "not_found");
    }

    private ResultActions edit(String body, MediaType type) throws Exception {
        return mvc.perform(patch("/v1/keys/" + SAMPLE_ID).header("Authorization", jwt()).contentType(type).content(body));
    }

    @Test
    void patchChangesOnlyTheEditableFields() throws Exception {
        edit("{\"name\": \"Renamed\", \"rateLimit\": {\"requestsPerMinute\": 30}}", MediaType.APPLICATION_JSON)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Renamed"))
                .andExpect(jsonPath("$.rateLimit.requestsPerMinute").value(30))
                .andExpect(jsonPath("$.ipAllowlist[0]").value("203.0.113.0/24"))
                .andExpect(jsonPath("$.key").doesNotExist());
        edit("{\"ipAllowlist\": null, \"scopes\": [\"keys:read\"]}", MediaType.valueOf("application/merge-patch+json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ipAllowlist").isEmpty())
                .andExpect(jsonPath("$.scopes").value(hasItem("keys:read")));
        EditApiKeyCommand command = (EditApiKeyCommand) WebTestApplication.lastQuery.get();
        assertThat(command.name()).isEmpty();
        assertThat(command.ipAllowlist()).contains(List.of());
        assertThat(command.scopes()).contains(Set.of(Scope.KEYS_READ));
    }

    @Test
    void patchRefusesEachFieldThatNeverChanges() throws Exception {
        invalid(edit("{\"type\": \"pk\"}", MediaType.APPLICATION_JSON), "type");
        invalid(edit("{\"environment\": \"live\", \"signing\": false, \"expiresAt\": null, \"key\": \"x\", "
                + "\"name\": \"\"}", MediaType.APPLICATION_JSON), "environment", "signing", "expiresAt", "key", "name");
        invalid(edit("{\"rateLimit\": \"x\", \"scopes\": [1], \"name\": 5, \"ipAllowlist\": \"10.0.0.0/8\"}",
                MediaType.APPLICATION_JSON), "rateLimit", "scopes[0]", "name", "ipAllowlist");
        invalid(edit("{\"rateLimit\": null}", MediaType.APPLICATION_JSON), "rateLimit");
        problem(edit("[]", MediaType.APPLICATION_JSON), 400, "bad_request");
        problem(edit("{", MediaType.APPLICATION_JSON), 400, "bad_request");
    }

    @Test
    void rollAnswers201WithTheNewKey() throws Exception {
        JsonNode rolled = body(mvc.perform(post("/v1/keys/" + SAMPLE_ID + "/roll").header("X-Api-Key", KEY))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.key", startsWith("sk_test_")))
                .andExpect(jsonPath("$.name").value("Billing"))
                .andExpect(jsonPath("$.signing").value(true)));
        assertThat(rolled.get("id").stringValue()).isNotEqualTo(SAMPLE_ID);
        assertThat(WebTestApplication.lastQuery.get()).isEqualTo(Duration.ofSeconds(86400));

        mvc.perform(post("/v1/keys/" + SAMPLE_ID + "/roll").header("X-Api-Key", KEY)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"expiresInSeconds\": 0}"))
                .andExpect(status().isCreated());
        assertThat(WebTestApplication.lastQuery.get()).isEqualTo(Duration.ZERO);
        mvc.perform(post("/v1/keys/" + SAMPLE_ID + "/roll").header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON).content("")).andExpect(status().isCreated());

        // the range (0..604800) is the service's rule; here only what JSON binding refuses
        invalid(mvc.perform(post("/v1/keys/" + SAMPLE_ID + "/roll").header("X-Api-Key", KEY)
                .contentType(MediaType.APPLICATION_JSON).content("{\"expiresInSeconds\": \"soon\"}")), "expiresInSeconds");
        problem(mvc.perform(post("/v1/keys/nope/roll").header("X-Api-Key", KEY)), 404, "not_found");
    }

    @Test
    void revokeAnswersTheRevokedKey() throws Exception {
        JsonNode revoked = body(mvc.perform(post("/v1/keys/" + SAMPLE_ID + "/revoke").header("Authorization", jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("revoked"))
                .andExpect(jsonPath("$.revokedAt").value("2026-11-22T10:00:00Z")));
        assertThat(revoked.propertyNames()).containsExactlyElementsOf(KEY_FIELDS);
    }

    @Test
    void verifyAlwaysAnswers200ForAnAuthorizedCaller() throws Exception {
        mvc.perform(get("/v1/keys").header("X-Api-Key", KEY)).andExpect(status().isOk());
        assertThat(WebTestApplication.lastVerifyAuthentication.get()).as("any other route: the strict check").isFalse();
        JsonNode valid = body(rateLimited(mvc.perform(post("/v1/keys/verify").header("X-Api-Key", KEY)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\": \"" + KEY + "\", \"scopes\": [\"keys:read\"], \"ip\": \"203.0.113.5\"}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.code").value("VALID"))
                .andExpect(jsonPath("$.keyId").value(SAMPLE_ID))
                .andExpect(jsonPath("$.type").value("sk"))
                .andExpect(jsonPath("$.environment").value("test"))
                .andExpect(jsonPath("$.rateLimit.limit").value(600))
                .andExpect(jsonPath("$.rateLimit.remaining").value(599))
                .andExpect(jsonPath("$.rateLimit.reset").value(WebTestApplication.NOW.getEpochSecond() + 60)));
        assertThat(valid.propertyNames()).containsExactly("valid", "code", "keyId", "name", "type", "environment",
                "scopes", "expiresAt", "rateLimit");
        assertThat(WebTestApplication.lastVerifyAuthentication.get())
                .as("the verify route authenticates its caller as the verify route (a locked workspace may verify)")
                .isTrue();
        VerifyCommand command = (VerifyCommand) WebTestApplication.lastQuery.get();
        assertThat(command.clientAddress()).isEqualTo("203.0.113.5");
        assertThat(command.scopes()).containsExactly(Scope.KEYS_READ);

        mvc.perform(post("/v1/keys/verify").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"key\": \"sk_live_nope\", \"scopes\": []}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.code").value("MALFORMED"))
                .andExpect(jsonPath("$.keyId").isEmpty())
                .andExpect(jsonPath("$.scopes").isEmpty())
                .andExpect(jsonPath("$.rateLimit").isEmpty());
        invalid(mvc.perform(post("/v1/keys/verify").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .content("{}")), "key", "scopes");
    }

    private static List<String> concat(List<String> fields, String more) {
        return java.util.stream.Stream.concat(fields.stream(), java.util.stream.Stream.of(more)).toList();
    }
}
