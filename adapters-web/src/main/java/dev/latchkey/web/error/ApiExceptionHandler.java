package dev.latchkey.web.error;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.List;

/** Every error of the /v1 controllers becomes problem+json with its code; never a stack trace. */
@RestControllerAdvice(basePackages = "dev.latchkey.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ApiProblems problems;

    public ApiExceptionHandler(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        return problems.response(problems.problem(e));
    }

    /**
     * Unreadable bodies: JSON of the wrong shape for a field (e.g. {@code "rateLimit": "x"}) is 422 naming the field;
     * a missing body or broken JSON is 400.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        String field = mismatchedField(e);
        if (field != null) {
            return problems.response(problems.problem(new ValidationException(
                    List.of(new FieldError(field, "has the wrong type or format")))));
        }
        return problems.response(problems.problem(ErrorCode.BAD_REQUEST, "request body is missing or is not valid JSON"));
    }

    /** The JSON path ({@code rateLimit.requestsPerMinute}, {@code scopes[0]}) of a value Jackson could not bind. */
    static String mismatchedField(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            // a value of the wrong type, or a number out of its type's range (e.g. 1e30 for an int)
            if ((cause instanceof MismatchedInputException || cause instanceof InputCoercionException)
                    && !((JacksonException) cause).getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (JacksonException.Reference reference : ((JacksonException) cause).getPath()) {
                    if (reference.getPropertyName() != null) {
                        if (!path.isEmpty()) {
                            path.append('.');
                        }
                        path.append(reference.getPropertyName());
                    } else if (reference.getIndex() >= 0) {
                        path.append('[').append(reference.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e) {
        return problems.response(problems.problem(ErrorCode.BAD_REQUEST, "a request parameter or header has an invalid value"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
        return problems.response(problems.problem(ErrorCode.BAD_REQUEST, "send the request body as application/json"));
    }

    /** This API answers JSON only, whatever the Accept header asks for. */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problems.response(problems.problem(ErrorCode.BAD_REQUEST, "this API answers application/json only"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("unexpected error in the /v1 API", e);
        return problems.response(problems.problem(ErrorCode.INTERNAL, "an unexpected error occurred"));
    }
}
