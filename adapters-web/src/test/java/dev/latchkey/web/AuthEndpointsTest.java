package dev.latchkey.web;

import dev.latchkey.application.port.in.Account;
import dev.latchkey.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import dev.latchkey.application.port.in.LoginThrottledException;
import dev.latchkey.application.port.in.LoginUseCase;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sign-in throttling, password change and the client address of the public auth endpoints, at the adapter. */
class AuthEndpointsTest extends ApiTestSupport {

    private static final String LOGIN_BODY = "{\"email\":\"ada@example.com\",\"password\":\"analytical engine\"}";
    private static final String CHANGE_BODY = "{\"currentPassword\":\"analytical engine\","
            + "\"newPassword\":\"difference engine\"}";

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void aThrottledSignInIs429WithRetryAfter() throws Exception {
        WebTestApplication.login = command -> {
            throw new LoginThrottledException(754);
        };

        problem(mvc.perform(json(post("/v1/auth/login"), LOGIN_BODY)), 429, "rate_limited")
                .andExpect(header().string("Retry-After", "754"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.detail").value("too many failed sign-in attempts; try again later (see Retry-After)"))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString("analytical"))));
    }

    @Test
    void theSignInCarriesTheClientAddressAndTheTokenCarriesTheUsersVersion() throws Exception {
        UserId ada = UserId.newId();
        WebTestApplication.login = command -> new LoginUseCase.SignedInUser(
                new Account(ada, new Email("ada@example.com")), List.of(), 3);

        String body = mvc.perform(json(post("/v1/auth/login"), LOGIN_BODY).with(request -> {
                    request.setRemoteAddr("198.51.100.23");
                    return request;
                }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.token_type").value("bearer"))
                .andReturn().getResponse().getContentAsString();

        LoginUseCase.LoginCommand command = (LoginUseCase.LoginCommand) WebTestApplication.lastAccountCommand.get();
        assertThat(command.clientAddress()).isEqualTo("198.51.100.23");
        assertThat(command.email()).isEqualTo("ada@example.com");
        String token = body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"ver\":3").contains("\"sub\":\"" + ada.value() + "\"");
    }

    @Test
    void aPasswordChangeIs204AndPassesBothPasswords() throws Exception {
        mvc.perform(json(post("/v1/auth/password"), CHANGE_BODY).header("Authorization", jwt()))
                .andExpect(status().isNoContent())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(""));

        assertThat(WebTestApplication.lastAccountCommand.get())
                .isEqualTo(new ChangePasswordCommand("analytical engine", "difference engine"));
    }

    @Test
    void aPasswordChangeTakesUserTokensOnly() throws Exception {
        problem(mvc.perform(json(post("/v1/auth/password"), CHANGE_BODY).header("X-Api-Key", KEY)), 401,
                "auth_invalid");
        problem(mvc.perform(json(post("/v1/auth/password"), CHANGE_BODY)), 401, "auth_missing");
        assertThat(WebTestApplication.lastAccountCommand.get()).isNull();
    }

    @Test
    void aPasswordChangesRefusalsAreProblems() throws Exception {
        WebTestApplication.changePassword = (caller, command) -> {
            throw new DomainException(ErrorCode.CREDENTIALS_INVALID, "the current password is wrong");
        };
        problem(mvc.perform(json(post("/v1/auth/password"), CHANGE_BODY).header("Authorization", jwt())), 401,
                "credentials_invalid");

        WebTestApplication.changePassword = (caller, command) -> {
            throw new LoginThrottledException(61);
        };
        problem(mvc.perform(json(post("/v1/auth/password"), CHANGE_BODY).header("Authorization", jwt())), 429,
                "rate_limited").andExpect(header().string("Retry-After", "61"));

        WebTestApplication.changePassword = (caller, command) -> {
            throw new ValidationException(List.of(new FieldError("newPassword",
                    "is one of the most common passwords; choose one that is harder to guess")));
        };
        invalid(mvc.perform(json(post("/v1/auth/password"), CHANGE_BODY).header("Authorization", jwt())),
                "newPassword");

        problem(mvc.perform(post("/v1/auth/password").header("Authorization", jwt())), 400, "bad_request");
    }

    @Test
    void theNewEndpointIsDescribedForUserTokensOnly() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/v1/auth/password'].post.operationId").value("changePassword"))
                .andExpect(jsonPath("$.paths['/v1/auth/password'].post.security[*]", hasItem(hasKey("bearer"))))
                .andExpect(jsonPath("$.paths['/v1/auth/password'].post.security[*]", not(hasItem(hasKey("apiKey")))))
                .andExpect(jsonPath("$.paths['/v1/auth/password'].post.responses", hasKey("204")))
                .andExpect(jsonPath("$.paths['/v1/auth/password'].post.responses", hasKey("429")))
                .andExpect(jsonPath("$.paths['/v1/auth/login'].post.responses['429'].headers", hasKey("Retry-After")));
    }
}
