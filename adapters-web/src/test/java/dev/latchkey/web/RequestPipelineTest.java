package dev.latchkey.web;

import dev.latchkey.domain.apikey.RequestSignature;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What happens around every /v1 request: body limit, signatures, idempotency. */
class RequestPipelineTest extends ApiTestSupport {

    static final String CREATE = "{\"name\": \"Billing\", \"type\": \"sk\"}";

    private ResultActions create(String idempotencyKey, String body) throws Exception {
        var request = post("/v1/keys").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey));
    }

    @Test
    void bodiesOverOneMebibyteAre413() throws Exception {
        byte[] tooLarge = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(tooLarge, (byte) ' ');
        problem(mvc.perform(post("/v1/keys").header("X-Api-Key", KEY).contentType(MediaType.APPLICATION_JSON)
                .content(tooLarge)), 413, "payload_too_large");
        problem(mvc.perform(post("/v1/auth/login").contentType(MediaType.APPLICATION_JSON).content(tooLarge)),
                413, "payload_too_large");
        assertThat(WebTestApplication.creates.get()).isZero();
    }

    @Test
    void theSignatureIsCheckedOverTheRawBodyWhichTheControllerStillReads() throws Exception {
        String body = "{\"name\":  \"Billing\",\n \"type\": \"sk\"}";
        create(null, body).andExpect(status().isCreated());
        assertThat(WebTestApplication.lastSignedBody.get()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/v1/workspace").header("X-Api-Key", KEY)).andExpect(status().isOk());
        assertThat(WebTestApplication.lastSignedBody.get()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ErrorCode.class, names = {"HMAC_NO_SECRET", "HMAC_INVALID", "HMAC_EXPIRED", "HMAC_REQUIRED"})
    void signatureRefusalsAre401WithTheirCodeAndTheRateLimit(ErrorCode code) throws Exception {
        String[] seen = new String[1];
        WebTestApplication.signatures = (caller, signature, body) -> {
            seen[0] = signature;
            throw new DomainException(code, "signature refused");
        };
        rateLimited(problem(mvc.perform(post("/v1/keys").header("X-Api-Key", KEY)
                .header(RequestSignature.HEADER, "sha256=00").contentType(MediaType.APPLICATION_JSON)
                .content(CREATE)), 401, code.code()));
        assertThat(seen[0]).isEqualTo("sha256=00");
        assertThat(WebTestApplication.creates.get()).isZero();
    }

    @Test
    void theSameKeyAndBodyReplayTheFirstResponse() throws Exception {
        MvcResult first = create("retry-1", CREATE).andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed")).andReturn();
        MvcResult again = create("retry-1", CREATE).andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(header().string("RateLimit-Limit", "60"))
                .andReturn();
        assertThat(again.getResponse().getContentAsString()).isEqualTo(first.getResponse().getContentAsString());
        assertThat(again.getResponse().getContentType()).isEqualTo(first.getResponse().getContentType());
        assertThat(WebTestApplication.creates.get()).isEqualTo(1);

        problem(create("retry-1", "{\"name\": \"Other\", \"type\": \"sk\"}"), 409, "idempotency_conflict");
        create("retry-2", CREATE).andExpect(status().isCreated());
        assertThat(WebTestApplication.creates.get()).isEqualTo(2);
    }

    @Test
    void refusalsAreReplayedButFailuresAreForgotten() throws Exception {
        invalid(create("bad-1", "{\"name\": \"\", \"type\": \"sk\"}"), "name");
        invalid(create("bad-1", "{\"name\": \"\", \"type\": \"sk\"}"), "name")
                .andExpect(header().string("Idempotent-Replayed", "true"));

        WebTestApplication.manage = new WebTestApplication.FakeManage() {
            @Override
            public dev.latchkey.domain.apikey.IssuedApiKey create(dev.latchkey.application.port.in.Caller caller,
                                                                  CreateApiKeyCommand command) {
                throw new IllegalStateException("boom");
            }
        };
        problem(create("fails-1", CREATE), 500, "internal");
        assertThat(WebTestApplication.idempotency.records).noneSatisfy((id, entry) ->
                assertThat(id).endsWith("/fails-1"));
        WebTestApplication.manage = new WebTestApplication.FakeManage();
        create("fails-1", CREATE).andExpect(status().isCreated()).andExpect(header().doesNotExist("Idempotent-Replayed"));
    }

    @Test
    void idempotencyKeysAreCheckedAndScopedToTheCredential() throws Exception {
        problem(create(" ", CREATE), 400, "bad_request");
        problem(create("x".repeat(256), CREATE), 400, "bad_request");
        problem(create("caf\u00e9", CREATE), 400, "bad_request");
        create("k".repeat(255), CREATE).andExpect(status().isCreated());

        create("shared", CREATE).andExpect(status().isCreated());
        mvc.perform(post("/v1/keys").header("Authorization", jwt()).header("Idempotency-Key", "shared")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Other\", \"type\": \"sk\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        // GETs ignore the header
        mvc.perform(get("/v1/workspace").header("X-Api-Key", KEY).header("Idempotency-Key", " "))
                .andExpect(status().isOk());
    }
}
