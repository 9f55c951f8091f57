package dev.latchkey.web.security;

import dev.latchkey.web.error.ApiProblems;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyFilterTest {

    private final RequestBodyFilter filter = new RequestBodyFilter(16, new ApiProblems(JsonMapper.builder().build()));

    /** A chunked request: no declared length, the body only counted while it is read. */
    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/keys") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileReading() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(chunked("x".repeat(17)), response, chain);
        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aBodyWithinTheLimitIsReadOnceAndServedAgain() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = chunked("{\"a\": \"é\"}");
        request.setCharacterEncoding("UTF-8");
        filter.doFilter(request, response, chain);
        HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
        assertThat(passed.getInputStream().readAllBytes()).isEqualTo("{\"a\": \"é\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(passed.getReader().readLine()).isEqualTo("{\"a\": \"é\"}");
        assertThat(passed.getContentLengthLong()).isEqualTo(11);
        assertThat(RequestBodyFilter.rawBody(passed)).hasSize(11);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeReading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/v1/keys");
        request.setContent(new byte[17]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getStatus()).isEqualTo(413);
    }
}
