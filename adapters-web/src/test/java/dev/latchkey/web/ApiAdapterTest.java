package dev.latchkey.web;

import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.RateLimitStatus;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.web.error.ApiProblems;
import dev.latchkey.web.security.JwtSettings;
import dev.latchkey.web.security.JwtTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.latchkey.domain.common.DomainException;
import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The /v1 adapter on scripted use cases: every refusal is problem+json with its code, never a stack trace. */
class ApiAdapterTest extends ApiTestSupport {

    @Autowired JwtSettings settings;

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyCodeHasAnErrorStatus(ErrorCode code) {
        assertThat(ApiProblems.status(code).isError()).isTrue();
    }

    @Test
    void aKeyReadsTheWorkspace() throws Exception {
        mvc.perform(get("/v1/workspace").header("X-Api-Key", KEY))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(WebTestApplication.WORKSPACE.value()))
                .andExpect(jsonPath("$.environment").value("test"));
    }

    @Test
    void anUnavailableStoreFailsClosed() throws Exception {
        WebTestApplication.authenticate = (key, address) -> {
            throw new DomainException(ErrorCode.UNAVAILABLE, "the service is temporarily unavailable; retry with backoff");
        };
        problem(mvc.perform(get("/v1/workspace").header("X-Api-Key", KEY)), 503, "unavailable");
    }

    @Test
    void anUnexpectedFailureWhileAuthenticatingIsA500WithoutDetails() throws Exception {
        WebTestApplication.authenticate = (key, address) -> {
            throw new IllegalStateException("boom at db.internal:5432");
        };
        problem(mvc.perform(get("/v1/workspace").header("X-Api-Key", KEY)), 500, "internal")
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("db.internal"))));
    }

    @Test
    void onlyABearerHeaderCarriesAJwtAndOnlyAJwtLooksLikeOne() throws Exception {
        String jwt = tokens.issue(UserId.newId()).value();
        problem(mvc.perform(get("/v1/workspace").header("X-Api-Key", jwt)), 401, "auth_format");
        problem(mvc.perform(get("/v1/workspace").header("Authorization", "Bearer sk_test_abc.def")), 401, "auth_format");
    }

    @Test
    void responsesAreJsonWhateverAcceptAsksFor() throws Exception {
        problem(mvc.perform(get("/v1/workspace").header("X-Api-Key", KEY).accept(MediaType.APPLICATION_XML)),
                400, "bad_request");
    }

    @Test
    void keysInTheQueryAreRefusedOnPublicEndpointsToo() throws Exception {
        problem(mvc.perform(post("/v1/auth/login?api_key=" + KEY).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"a@example.com\",\"password\":\"nope\"}")), 400, "key_in_query");
    }

    @Test
    void tokenResponsesNeverPrintTheToken() {
        var issued = tokens.issue(UserId.newId());
        var response = dev.latchkey.web.auth.TokenResponse.from(issued);
        assertThat(response.toString()).doesNotContain(issued.value());
        var registered = new dev.latchkey.web.auth.RegisterResponse(issued.value(), "bearer", 1, null, null);
        assertThat(registered.toString()).doesNotContain(issued.value());
    }

    @Test
    void anUnexpectedFailureIsA500WithoutDetails() throws Exception {
        problem(mvc.perform(post("/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"a@example.com\",\"password\":\"long enough\",\"workspaceName\":\"A\"}")),
                500, "internal")
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("boom"))));
    }

    @Test
    void expiredAndForeignTokensAreRefusedWithTheirCodes() throws Exception {
        JwtTokens issuedAnHourAgo = new JwtTokens(settings,
                Clock.fixed(WebTestApplication.NOW.minus(Duration.ofHours(25)), ZoneOffset.UTC));
        String expired = issuedAnHourAgo.issue(UserId.newId()).value();
        problem(mvc.perform(get("/v1/workspace").header("Authorization", "Bearer " + expired)), 401, "token_expired");

        JwtTokens otherSecret = new JwtTokens(new JwtSettings(
                "another secret, just as long, but not ours".getBytes(StandardCharsets.UTF_8), Duration.ofHours(1)),
                Clock.fixed(WebTestApplication.NOW, ZoneOffset.UTC));
        problem(mvc.perform(get("/v1/workspace").header("Authorization", "Bearer " + otherSecret.issue(UserId.newId()).value())),
                401, "token_invalid");

        mvc.perform(get("/v1/workspace").header("Authorization", "Bearer " + tokens.issue(UserId.newId()).value())
                        .header("Latchkey-Environment", "live"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.environment").value("live"));
    }

    @Test
    void malformedRequestsAreBadRequests() throws Exception {
        problem(mvc.perform(post("/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content("[1,")), 400, "bad_request");
        problem(mvc.perform(post("/v1/auth/login").contentType(MediaType.TEXT_PLAIN).content("x")), 400, "bad_request");
        problem(mvc.perform(post("/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"a@example.com\",\"password\":\"nope\"}")), 401, "credentials_invalid");
        problem(mvc.perform(get("/v1/workspace").header("X-Api-Key", " ")), 401, "auth_missing");
        problem(mvc.perform(get("/v1/workspace?token=anything")), 400, "key_in_query");
        problem(mvc.perform(get("/v1/workspace?q=" + KEY.substring(0, 8) + "%41" + KEY.substring(9))), 400, "key_in_query");
        problem(mvc.perform(get("/v1/workspace?limit=5")), 401, "auth_missing");
    }

    @Test
    void everyAuthenticatedResponseCarriesTheRateLimitAndTheClientAddressReachesTheLookup() throws Exception {
        rateLimited(mvc.perform(get("/v1/workspace").header("X-Api-Key", KEY)
                        .with(request -> {
                            request.setRemoteAddr("198.51.100.7");
                            return request;
                        })))
                .andExpect(status().isOk());
        assertThat(WebTestApplication.lastClientAddress.get()).isEqualTo("198.51.100.7");
        // an error after authentication too
        rateLimited(problem(mvc.perform(get("/v1/keys/key_doesnotexist").header("X-Api-Key", KEY)), 404, "not_found"));
        rateLimited(problem(mvc.perform(get("/v1/no-such-thing").header("X-Api-Key", KEY)), 404, "not_found"));
        // and for user tokens, with their own limit
        mvc.perform(get("/v1/workspace").header("Authorization", jwt()))
                .andExpect(status().isOk())
                .andExpect(header().string("RateLimit-Limit", "600"))
                .andExpect(header().string("RateLimit-Remaining", "599"))
                .andExpect(header().string("RateLimit-Reset", "60"));
    }

    @Test
    void overTheLimitIs429WithRetryAfterAndTheRateLimitHeaders() throws Exception {
        WebTestApplication.authenticate = (key, address) -> new Authentication(
                WebTestApplication.keyCaller(Set.of(Scope.KEYS_READ)),
                new RateLimitStatus(false, 60, 0, WebTestApplication.NOW.getEpochSecond() + 17, 17));
        problem(mvc.perform(get("/v1/workspace").header("X-Api-Key", KEY)), 429, "rate_limited")
                .andExpect(header().string("Retry-After", "17"))
                .andExpect(header().string("RateLimit-Limit", "60"))
                .andExpect(header().string("RateLimit-Remaining", "0"))
                .andExpect(header().string("RateLimit-Reset", "17"));
    }

    @Test
    void aUserWithoutTheEnvironmentHeaderLeavesTheChoiceToTheUseCase() throws Exception {
        mvc.perform(get("/v1/workspace").header("Authorization", jwt())).andExpect(status().isOk());
        assertThat(WebTestApplication.lastUserEnvironment.get()).isEmpty();
        mvc.perform(get("/v1/workspace").header("Authorization", jwt()).header("Latchkey-Environment", "LIVE"))
                .andExpect(jsonPath("$.environment").value("live"));
        assertThat(WebTestApplication.lastUserEnvironment.get()).contains(Environment.LIVE);
        problem(mvc.perform(get("/v1/workspace").header("Authorization", jwt()).header("Latchkey-Environment", "prod")),
                400, "bad_request");
    }

    @Test
    void userOnlyEndpointsRefuseKeys() throws Exception {
        rateLimited(problem(mvc.perform(get("/v1/auth/me").header("X-Api-Key", KEY)), 401, "auth_invalid"))
                .andExpect(jsonPath("$.detail", containsString("only user tokens")));
        problem(mvc.perform(get("/v1/auth/me").header("Authorization", "Bearer " + KEY)), 401, "auth_invalid");
        problem(mvc.perform(get("/v1/auth/me")), 401, "auth_missing");
    }

    @Test
    void keyOnlyEndpointsRefuseUserTokensBeforeReadingTheBody() throws Exception {
        problem(mvc.perform(post("/v1/keys/verify").header("Authorization", jwt())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"key\": \"x\", \"scopes\": []}")),
                401, "auth_invalid")
                .andExpect(jsonPath("$.detail").value("this endpoint accepts only API keys, not user tokens"));
        problem(mvc.perform(post("/v1/keys/verify").header("Authorization", jwt())
                .contentType(MediaType.APPLICATION_JSON).content("{broken")), 401, "auth_invalid");
    }
}
