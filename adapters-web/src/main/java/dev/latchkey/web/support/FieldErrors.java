package dev.latchkey.web.support;

import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Problems the web adapter finds in a request's raw values (wrong JSON type, a timestamp that is not RFC 3339),
 * reported together with those a command finds when it parses itself: one 422 listing every field.
 */
public final class FieldErrors {

    private final List<FieldError> errors = new ArrayList<>();

    public FieldErrors add(String field, String message) {
        errors.add(new FieldError(field, message));
        return this;
    }

    public FieldErrors check(boolean valid, String field, String message) {
        return valid ? this : add(field, message);
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Parses with {@code parse} (which may throw a {@link ValidationException}); any problem of both is thrown. */
    public <T> T parse(Supplier<T> parse) {
        T parsed;
        try {
            parsed = parse.get();
        } catch (ValidationException e) {
            List<FieldError> all = new ArrayList<>(errors);
            all.addAll(e.errors());
            throw new ValidationException(all);
        }
        throwIfAny();
        return parsed;
    }
}
