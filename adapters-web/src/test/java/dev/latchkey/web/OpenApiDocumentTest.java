package dev.latchkey.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class OpenApiDocumentTest extends ApiTestSupport {

    @Test
    void theApiIsDescribedInOpenApi31() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.openapi", startsWith("3.1.")))
                .andExpect(jsonPath("$.paths", hasKey("/v1/keys")))
                .andExpect(jsonPath("$.paths", hasKey("/v1/keys/{id}")))
                .andExpect(jsonPath("$.paths", hasKey("/v1/keys/{id}/roll")))
                .andExpect(jsonPath("$.paths", hasKey("/v1/keys/{id}/revoke")))
                .andExpect(jsonPath("$.paths", hasKey("/v1/keys/verify")))
                .andExpect(jsonPath("$.paths", hasKey("/v1/usage")))
                .andExpect(jsonPath("$.paths", hasKey("/v1/auth/me")))
                .andExpect(jsonPath("$.paths", not(hasKey("/v1/**"))))
                .andExpect(jsonPath("$.components.securitySchemes.bearer.scheme").value("bearer"))
                .andExpect(jsonPath("$.components.securitySchemes.apiKey.name").value("X-Api-Key"))
                .andExpect(jsonPath("$.components.schemas", hasKey("Problem")))
                .andExpect(jsonPath("$.components.schemas", hasKey("ApiKey")))
                // the endpoint matrix, from the controllers' caller types
                .andExpect(jsonPath("$.paths['/v1/auth/me'].get.security[*]", not(hasItem(hasKey("apiKey")))))
                .andExpect(jsonPath("$.paths['/v1/auth/me'].get.security[*]", hasItem(hasKey("bearer"))))
                .andExpect(jsonPath("$.paths['/v1/keys/verify'].post.security[*]", hasItem(hasKey("apiKey"))))
                .andExpect(jsonPath("$.paths['/v1/keys'].post.security[*]", hasItem(hasKey("apiKey"))))
                .andExpect(jsonPath("$.paths['/v1/auth/login'].post.security").doesNotExist())
                // errors as problem+json, with their codes
                .andExpect(jsonPath("$.paths['/v1/keys'].post.responses", hasKey("201")))
                .andExpect(jsonPath("$.paths['/v1/keys'].post.responses['422'].content", hasKey("application/problem+json")))
                .andExpect(jsonPath("$.paths['/v1/keys'].post.responses['429'].headers", hasKey("Retry-After")))
                .andExpect(jsonPath("$.paths['/v1/keys'].post.responses['401'].description", containsString("hmac_invalid")))
                .andExpect(jsonPath("$.paths['/v1/keys/{id}'].get.responses", hasKey("404")))
                .andExpect(jsonPath("$.paths['/v1/keys/{id}'].patch.requestBody.content", hasKey("application/merge-patch+json")))
                .andExpect(jsonPath("$.paths['/v1/keys'].get.parameters[*].name", hasItem("limit")))
                .andExpect(jsonPath("$.paths['/v1/keys'].post.parameters[*].name", hasItem("Idempotency-Key")))
                .andExpect(jsonPath("$.paths['/v1/keys'].get.parameters[*].name", not(hasItem("caller"))))
                .andExpect(jsonPath("$.paths['/v1/keys'].get.responses['200'].headers", hasKey("RateLimit-Remaining")))
                .andExpect(jsonPath("$.tags[*].name", hasItem("API keys")));
    }

    @Test
    void swaggerUiIsAtDocs() throws Exception {
        mvc.perform(get("/docs")).andExpect(status().is3xxRedirection());
    }
}
