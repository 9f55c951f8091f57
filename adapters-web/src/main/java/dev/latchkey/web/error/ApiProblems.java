package dev.latchkey.web.error;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The one place that turns an {@link ErrorCode} into an RFC 9457 problem (PRODUCT.md §4). */
@Component
public class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private final ObjectMapper json;

    public ApiProblems(ObjectMapper json) {
        this.json = json;
    }

    public static HttpStatus status(ErrorCode code) {
        return switch (code) {
            case BAD_REQUEST, AUTH_AMBIGUOUS, KEY_IN_QUERY -> HttpStatus.BAD_REQUEST;
            case CREDENTIALS_INVALID, AUTH_MISSING, AUTH_FORMAT, AUTH_INVALID, AUTH_REVOKED, AUTH_EXPIRED,
                 AUTH_ENVIRONMENT, TOKEN_INVALID, TOKEN_EXPIRED, HMAC_NO_SECRET, HMAC_INVALID, HMAC_EXPIRED,
                 HMAC_REQUIRED -> HttpStatus.UNAUTHORIZED;
            case SCOPE_MISSING, ROLE_FORBIDDEN, PLAN_REQUIRED, WORKSPACE_LOCKED, IP_NOT_ALLOWED -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT, IDEMPOTENCY_CONFLICT -> HttpStatus.CONFLICT;
            case PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case VALIDATION_FAILED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
            case INTERNAL -> HttpStatus.INTERNAL_SERVER_ERROR;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    public ProblemDetail problem(ErrorCode code, String detail) {
        HttpStatus status = status(code);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:latchkey:problem:" + code.code()));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code.code());
        return problem;
    }

    public ProblemDetail problem(DomainException exception) {
        ProblemDetail problem = problem(exception.code(), exception.getMessage());
        if (exception instanceof ValidationException validation) {
            List<Map<String, String>> errors = validation.errors().stream()
                    .map((FieldError e) -> Map.of("field", e.field(), "message", e.message()))
                    .toList();
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public ResponseEntity<ProblemDetail> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(PROBLEM_JSON).body(problem);
    }

    /**
     * For filters: a failure of {@code action} as problem+json. A {@link DomainException} is the client's answer
     * (its code and detail); anything else is logged by class only (its message may hold request data) and
     * answered {@code internal}.
     */
    public void writeFailure(HttpServletResponse response, RuntimeException failure, String action)
            throws IOException {
        if (failure instanceof DomainException domain) {
            write(response, problem(domain));
            return;
        }
        log.error("cannot {}: {}", action, failure.getClass().getName());
        write(response, problem(ErrorCode.INTERNAL, "an unexpected error occurred"));
    }

    /** For filters and entry points, which run outside Spring MVC. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
