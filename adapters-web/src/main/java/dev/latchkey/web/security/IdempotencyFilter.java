package dev.latchkey.web.security;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.IdempotencyUseCase;
import dev.latchkey.application.port.in.IdempotencyUseCase.Start;
import dev.latchkey.application.port.in.IdempotencyUseCase.StoredResponse;
import dev.latchkey.web.error.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/**
 * {@code Idempotency-Key} on authenticated POSTs (PRODUCT.md §7): the first request runs and its response is kept;
 * a retry with the same body replays it (with {@code Idempotent-Replayed: true}); a different body is
 * {@code idempotency_conflict}. Responses of 5xx (and failures without a response) are forgotten, so that a retry
 * runs again.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    /**
     * POSTs that only read: verify changes nothing, and replaying its answer would report a key valid after it was
     * revoked. They run every time.
     */
    private static final Set<String> NEVER_REPLAYED = Set.of("/v1/keys/verify");

    private final IdempotencyUseCase idempotency;
    private final ApiProblems problems;

    public IdempotencyFilter(IdempotencyUseCase idempotency, ApiProblems problems) {
        this.idempotency = idempotency;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        Optional<Caller> caller = CallerAuthentication.current();
        if (key == null || caller.isEmpty() || !"POST".equals(request.getMethod())
                || NEVER_REPLAYED.contains(request.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        Start start;
        try {
            start = idempotency.begin(caller.get(), key, request.getMethod(), request.getRequestURI(),
                    RequestBodyFilter.rawBody(request));
        } catch (RuntimeException e) {
            problems.writeFailure(response, e, "look up an idempotency key");
            return;
        }
        switch (start) {
            case Start.Replay replay -> replay(replay.response(), response);
            case Start.Proceed claim -> proceed(claim, request, response, chain);
        }
    }

    private static void replay(StoredResponse stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        // a replay may carry a once-shown key
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
        response.setHeader(REPLAYED, "true");
        byte[] body = stored.body() == null ? new byte[0] : stored.body();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void proceed(Start.Proceed claim, HttpServletRequest request, HttpServletResponse response,
                         FilterChain chain) throws IOException, ServletException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, captured);
        } catch (IOException | ServletException | RuntimeException e) {
            abandon(claim);
            throw e;
        }
        int status = captured.getStatus();
        if (status >= 500) {
            abandon(claim);
        } else {
            try {
                idempotency.complete(claim, new StoredResponse(status, captured.getContentType(),
                        captured.getContentAsByteArray()));
            } catch (RuntimeException e) {
                // the request ran: answer it anyway, and keep the claim so that a retry cannot run it twice
                log.warn("cannot keep an idempotent response: {}", e.getClass().getName());
            }
        }
        captured.copyBodyToResponse();
    }

    private void abandon(Start.Proceed claim) {
        try {
            idempotency.abandon(claim);
        } catch (RuntimeException e) {
            log.warn("cannot abandon an idempotency claim: {}", e.getClass().getName());
        }
    }
}
