package dev.latchkey.domain.common;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCodeTest {

    /** Every code of the table in PRODUCT.md §4, as written there. */
    private static final Set<String> CONTRACT_CODES = Set.of(
            "bad_request", "auth_ambiguous", "key_in_query",
            "credentials_invalid", "auth_missing", "auth_format", "auth_invalid", "auth_revoked", "auth_expired",
            "auth_environment", "token_invalid", "token_expired", "hmac_no_secret", "hmac_invalid", "hmac_expired",
            "hmac_required",
            "scope_missing", "role_forbidden", "plan_required", "workspace_locked", "ip_not_allowed",
            "not_found", "conflict", "idempotency_conflict",
            "payload_too_large", "validation_failed",
            "rate_limited",
            "internal", "unavailable");

    @Test
    void wireCodesAreExactlyThoseOfTheContract() {
        Set<String> wire = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).collect(Collectors.toSet());

        assertThat(wire).isEqualTo(CONTRACT_CODES);
        assertThat(ErrorCode.values()).hasSize(CONTRACT_CODES.size());
    }

    @Test
    void wireCodeIsTheLowerCaseEnumName() {
        assertThat(ErrorCode.values()).allSatisfy(code -> {
            assertThat(code.code()).matches("[a-z]+(_[a-z0-9]+)*");
            assertThat(code.code()).isEqualTo(code.name().toLowerCase(java.util.Locale.ROOT));
        });
    }

    @Test
    void domainExceptionCarriesItsCodeAndNoStackTrace() {
        DomainException e = new DomainException(ErrorCode.CONFLICT, "taken");

        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
        assertThat(e).hasMessage("taken");
        assertThat(e.getStackTrace()).isEmpty();
    }

    @Test
    void validationExceptionCollectsEveryFieldInOrder() {
        ValidationException.Collector collector = new ValidationException.Collector()
                .check(true, "ok", "never")
                .check(false, "a", "bad a")
                .check(false, "b", "bad b");

        ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                collector::throwIfAny);

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        assertThat(e.errors()).containsExactly(new FieldError("a", "bad a"), new FieldError("b", "bad b"));
    }

    @Test
    void aCollectorWithoutErrorsDoesNotThrow() {
        org.assertj.core.api.Assertions.assertThatCode(
                () -> new ValidationException.Collector().check(true, "x", "fine").throwIfAny())
                .doesNotThrowAnyException();
    }
}
