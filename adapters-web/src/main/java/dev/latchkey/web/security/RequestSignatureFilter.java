package dev.latchkey.web.security;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.CheckRequestSignatureUseCase;
import dev.latchkey.domain.apikey.RequestSignature;
import dev.latchkey.web.error.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Request signing (PRODUCT.md §6): every authenticated /v1 request is checked against its
 * {@code X-Latchkey-Signature} header (or its absence) over the raw body; a refusal is problem+json
 * ({@code hmac_*}), with the rate limit headers already written.
 */
public class RequestSignatureFilter extends OncePerRequestFilter {

    private final CheckRequestSignatureUseCase signatures;
    private final ApiProblems problems;

    public RequestSignatureFilter(CheckRequestSignatureUseCase signatures, ApiProblems problems) {
        this.signatures = signatures;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Caller> caller = CallerAuthentication.current();
        if (caller.isPresent()) {
            try {
                signatures.check(caller.get(), request.getHeader(RequestSignature.HEADER),
                        RequestBodyFilter.rawBody(request));
            } catch (RuntimeException e) {
                problems.writeFailure(response, e, "check the signature of a /v1 request");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
