package dev.latchkey.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The kill switch's endpoints on a scripted use case: the shape of the answer and the endpoint matrix. */
class WorkspaceLockEndpointsTest extends ApiTestSupport {

    @BeforeEach
    @AfterEach
    void unlocked() {
        WebTestApplication.workspaceLockedAt.set(null);
    }

    @Test
    void lockAnswersTheWorkspaceWithItsLock() throws Exception {
        mvc.perform(post("/v1/workspace/lock").header("Authorization", jwt()).header("Latchkey-Environment", "live"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(WebTestApplication.WORKSPACE.value()))
                .andExpect(jsonPath("$.name").value("Acme"))
                .andExpect(jsonPath("$.plan").value("SCALE"))
                .andExpect(jsonPath("$.environment").value("live"))
                .andExpect(jsonPath("$.createdAt").value("2026-11-22T10:00:00Z"))
                .andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.lockedAt").value("2026-11-22T10:00:00Z"));

        mvc.perform(get("/v1/workspace/lock").header("Authorization", jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(true))
                .andExpect(jsonPath("$.environment").value("test"));
    }

    @Test
    void unlockAnswersTheWorkspaceUnlocked() throws Exception {
        WebTestApplication.workspaceLockedAt.set(WebTestApplication.NOW);

        mvc.perform(delete("/v1/workspace/lock").header("Authorization", jwt()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.locked").value(false))
                .andExpect(jsonPath("$.lockedAt").isEmpty())
                .andExpect(jsonPath("$", hasKey("lockedAt")));
    }

    @Test
    void onlyUserTokens() throws Exception {
        problem(mvc.perform(post("/v1/workspace/lock").header("X-Api-Key", KEY)), 401, "auth_invalid");
        problem(mvc.perform(delete("/v1/workspace/lock").header("Authorization", "Bearer " + KEY)), 401,
                "auth_invalid");
        problem(mvc.perform(post("/v1/workspace/lock")), 401, "auth_missing");
        org.assertj.core.api.Assertions.assertThat(WebTestApplication.workspaceLockedAt.get()).isNull();
    }

    @Test
    void theKillSwitchIsDescribedForUserTokensOnly() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/v1/workspace/lock")))
                .andExpect(jsonPath("$.paths['/v1/workspace/lock'].post.operationId").value("lockWorkspace"))
                .andExpect(jsonPath("$.paths['/v1/workspace/lock'].delete.operationId").value("unlockWorkspace"))
                .andExpect(jsonPath("$.paths['/v1/workspace/lock'].post.security[*]", hasItem(hasKey("bearer"))))
                .andExpect(jsonPath("$.paths['/v1/workspace/lock'].post.security[*]", not(hasItem(hasKey("apiKey")))))
                .andExpect(jsonPath("$.paths['/v1/workspace/lock'].delete.security[*]", not(hasItem(hasKey("apiKey")))))
                .andExpect(jsonPath("$.paths['/v1/workspace/lock'].post.responses['403'].content",
                        hasKey("application/problem+json")))
                .andExpect(jsonPath("$.components.schemas.WorkspaceLock.properties", hasKey("lockedAt")));
    }
}
