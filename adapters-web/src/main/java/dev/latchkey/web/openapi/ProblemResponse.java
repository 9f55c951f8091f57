package dev.latchkey.web.openapi;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The documented shape of every /v1 error (RFC 9457 problem+json with a machine {@code code}, PRODUCT.md §4). The
 * errors themselves are written as Spring {@code ProblemDetail}s by {@code ApiProblems}; this type only describes them.
 */
@Schema(name = "Problem", description = "An error (RFC 9457). Clients must not retry 4xx other than 408 and 429; "
        + "429 and 5xx are retryable with backoff.")
public record ProblemResponse(
        @Schema(example = "urn:latchkey:problem:auth_missing") String type,
        @Schema(example = "Unauthorized") String title,
        @Schema(example = "401") int status,
        @Schema(example = "missing or malformed Authorization header") String detail,
        @Schema(description = "The machine code: stable, unlike `detail`", example = "auth_missing") String code,
        @Schema(description = "validation_failed only: every invalid field",
                requiredMode = Schema.RequiredMode.NOT_REQUIRED) List<FieldProblem> errors) {

    @Schema(name = "FieldProblem")
    public record FieldProblem(@Schema(example = "rateLimit.requestsPerMinute") String field,
                               @Schema(example = "must be a positive number") String message) {
    }
}
