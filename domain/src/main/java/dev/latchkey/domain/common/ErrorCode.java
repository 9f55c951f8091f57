package dev.latchkey.domain.common;

/** The machine codes of PRODUCT.md §4. Their HTTP status is decided by the web adapter. */
public enum ErrorCode {
    BAD_REQUEST("bad_request"),
    AUTH_AMBIGUOUS("auth_ambiguous"),
    KEY_IN_QUERY("key_in_query"),
    CREDENTIALS_INVALID("credentials_invalid"),
    AUTH_MISSING("auth_missing"),
    AUTH_FORMAT("auth_format"),
    AUTH_INVALID("auth_invalid"),
    AUTH_REVOKED("auth_revoked"),
    AUTH_EXPIRED("auth_expired"),
    AUTH_ENVIRONMENT("auth_environment"),
    TOKEN_INVALID("token_invalid"),
    TOKEN_EXPIRED("token_expired"),
    HMAC_NO_SECRET("hmac_no_secret"),
    HMAC_INVALID("hmac_invalid"),
    HMAC_EXPIRED("hmac_expired"),
    HMAC_REQUIRED("hmac_required"),
    SCOPE_MISSING("scope_missing"),
    ROLE_FORBIDDEN("role_forbidden"),
    PLAN_REQUIRED("plan_required"),
    WORKSPACE_LOCKED("workspace_locked"),
    IP_NOT_ALLOWED("ip_not_allowed"),
    NOT_FOUND("not_found"),
    CONFLICT("conflict"),
    IDEMPOTENCY_CONFLICT("idempotency_conflict"),
    PAYLOAD_TOO_LARGE("payload_too_large"),
    VALIDATION_FAILED("validation_failed"),
    RATE_LIMITED("rate_limited"),
    INTERNAL("internal"),
    UNAVAILABLE("unavailable");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The stable wire form, e.g. {@code auth_missing}. */
    public String code() {
        return code;
    }
}
