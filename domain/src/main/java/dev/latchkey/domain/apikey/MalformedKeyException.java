package dev.latchkey.domain.apikey;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

/** A presented key fails the format or checksum of PRODUCT.md §2 (401 {@code auth_format}). */
public final class MalformedKeyException extends DomainException {

    private final FormatViolation violation;

    public MalformedKeyException(FormatViolation violation) {
        super(ErrorCode.AUTH_FORMAT, "API key is malformed: " + violation.description());
        this.violation = violation;
    }

    public FormatViolation violation() {
        return violation;
    }
}
