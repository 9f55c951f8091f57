package dev.latchkey.web;

import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.web.security.JwtTokens;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.security.SecureRandom;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The /v1 adapter on the scripted use cases of {@link WebTestApplication}; one context for every test class. */
@SpringBootTest(classes = WebTestApplication.class)
@AutoConfigureMockMvc
abstract class ApiTestSupport {

    static final String KEY = ApiKeySecret.generate(KeyType.SECRET, Environment.TEST, new SecureRandom()).reveal();

    @Autowired MockMvc mvc;
    @Autowired JwtTokens tokens;

    @BeforeEach
    @AfterEach
    void resetScripts() {
        WebTestApplication.reset();
    }

    String jwt() {
        return "Bearer " + tokens.issue(UserId.newId()).value();
    }

    static ResultActions problem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }

    /** 422 naming exactly these fields, in any order. */
    static ResultActions invalid(ResultActions result, String... fields) throws Exception {
        return problem(result, 422, "validation_failed")
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder(fields)))
                .andExpect(jsonPath("$.errors[*].message", Matchers.everyItem(Matchers.not(Matchers.emptyString()))));
    }

    /** The rate limit headers of the scripted key caller (limit 60, 59 left, reset in 42 s). */
    static ResultActions rateLimited(ResultActions result) throws Exception {
        return result.andExpect(header().string("RateLimit-Limit", "60"))
                .andExpect(header().string("RateLimit-Remaining", "59"))
                .andExpect(header().string("RateLimit-Reset", "42"));
    }
}
