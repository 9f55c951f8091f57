package dev.latchkey.web.support;

import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.Ids;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Parsing of request values shared by the /v1 controllers; each problem is reported on its field. */
public final class RequestValues {

    private RequestValues() {
    }

    /**
     * An RFC 3339 timestamp with an offset ({@code 2026-01-31T12:00:00Z}); empty when absent or blank, and reported
     * on {@code field} when it is not one.
     */
    public static Optional<Instant> timestamp(String value, String field, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(value.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            errors.add(field, "must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z");
            return Optional.empty();
        }
    }

    /** A key id from a path; anything not shaped like one is simply not found. */
    public static ApiKeyId keyIdOrNotFound(String value) {
        if (!isKeyId(value)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "API key not found");
        }
        return new ApiKeyId(value);
    }

    public static boolean isKeyId(String value) {
        return Ids.looksLike(ApiKeyId.PREFIX, value);
    }

    /** A query parameter's value, null when absent or blank. */
    public static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An optional filter parameter (case-insensitive); a value {@code parser} does not know is a field error. */
    public static <T> Optional<T> option(String value, String field, String message,
                                         Function<String, Optional<T>> parser, FieldErrors errors) {
        String present = present(value);
        if (present == null) {
            return Optional.empty();
        }
        Optional<T> parsed = parser.apply(present.toLowerCase(Locale.ROOT));
        errors.check(parsed.isPresent(), field, message);
        return parsed;
    }

    /**
     * A list's page: its {@code limit} and its {@code cursor} (the id, of {@code idPrefix}, of the last item of the
     * previous page); each problem is reported on its field.
     */
    public static PageRequest page(String limit, String cursor, String idPrefix, FieldErrors errors) {
        int pageSize = limit(limit, errors);
        String after = present(cursor);
        errors.check(after == null || Ids.looksLike(idPrefix, after), "cursor", "is not a cursor from a previous page");
        return new PageRequest(pageSize, after);
    }

    /** A list's {@code limit}: 1 to {@link PageRequest}'s maximum, by default {@link FindApiKeysUseCase#DEFAULT_LIMIT}. */
    public static int limit(String value, FieldErrors errors) {
        String present = present(value);
        if (present == null) {
            return FindApiKeysUseCase.DEFAULT_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(present);
            if (parsed >= 1 && parsed <= FindApiKeysUseCase.MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add("limit", "must be a whole number from 1 to " + FindApiKeysUseCase.MAX_LIMIT);
        return FindApiKeysUseCase.DEFAULT_LIMIT;
    }
}
