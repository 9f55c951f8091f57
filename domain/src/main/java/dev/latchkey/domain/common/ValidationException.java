package dev.latchkey.domain.common;

import java.util.ArrayList;
import java.util.List;

/** Invalid input, listing every offending field (422 {@code validation_failed}). */
public final class ValidationException extends DomainException {

    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super(ErrorCode.VALIDATION_FAILED, "request has invalid fields");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Collects field errors and throws them all at once. */
    public static final class Collector {
        private final List<FieldError> errors = new ArrayList<>();

        public Collector check(boolean valid, String field, String message) {
            if (!valid) {
                errors.add(new FieldError(field, message));
            }
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
