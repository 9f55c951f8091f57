package dev.latchkey.dashboard.audit;

import dev.latchkey.application.port.in.FindAuditEventsUseCase.AuditFilter;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.audit.AuditAction;
import dev.latchkey.domain.audit.AuditEventId;
import dev.latchkey.domain.common.Ids;
import org.springframework.web.util.UriComponentsBuilder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The audit log's filters as typed in its GET form (shown again as they are) and the page's cursor. Dates are whole
 * UTC days, both ends included: {@code to} becomes the start of the next day for the use case's exclusive end.
 */
public record AuditLogFilterForm(String action, String actorId, String targetId, String from, String to,
                                 String environment, String cursor) {

    static final String PATH = "/settings/audit-log";
    private static final int LAST_YEAR = 9999;

    /** The filter for the use case, or the message of each field that cannot be read (keyed by the field's name). */
    Parsed parse() {
        Map<String, String> errors = new LinkedHashMap<>();
        Optional<AuditAction> auditAction = option(action, "action", "Choose one of the listed actions.",
                AuditAction::fromCode, errors);
        Optional<LocalDate> since = date(from, "from", errors);
        Optional<LocalDate> until = date(to, "to", errors);
        if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
            errors.put("to", "Choose a day on or after the From day.");
        }
        Optional<Environment> eventEnvironment = option(environment, "environment", "Choose any, test or live.",
                Environment::fromCode, errors);
        String after = present(cursor);
        if (after != null && !Ids.looksLike(AuditEventId.PREFIX, after)) {
            errors.put("cursor", "This page link is not valid.");
        }
        AuditFilter filter = new AuditFilter(auditAction, Optional.ofNullable(present(actorId)),
                Optional.ofNullable(present(targetId)), since.map(AuditLogFilterForm::startOf),
                until.map(day -> startOf(day.plusDays(1))), eventEnvironment);
        return new Parsed(filter, after, errors);
    }

    /** The link to another page of the same filters ({@code cursor} null: the newest events). */
    String pageLink(String pageCursor) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(PATH);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("action", action);
        values.put("actorId", actorId);
        values.put("targetId", targetId);
        values.put("from", from);
        values.put("to", to);
        values.put("environment", environment);
        values.put("cursor", pageCursor);
        values.forEach((name, value) -> {
            if (present(value) != null) {
                // form encoding, as the servlet decodes a query string: an '&' or '+' in a value stays in it
                link.queryParam(name, URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
            }
        });
        return link.build(true).toUriString();
    }

    boolean filtered() {
        return present(action) != null || present(actorId) != null || present(targetId) != null
                || present(from) != null || present(to) != null || present(environment) != null;
    }

    record Parsed(AuditFilter filter, String cursor, Map<String, String> errors) {
        Parsed {
            errors = Map.copyOf(errors);
        }
    }

    private static <T> Optional<T> option(String value, String field, String message,
                                          Function<String, Optional<T>> parser, Map<String, String> errors) {
        String present = present(value);
        if (present == null) {
            return Optional.empty();
        }
        Optional<T> parsed = parser.apply(present);
        if (parsed.isEmpty()) {
            errors.put(field, message);
        }
        return parsed;
    }

    private static Optional<LocalDate> date(String value, String field, Map<String, String> errors) {
        String present = present(value);
        if (present == null) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(present);
            if (day.getYear() >= 1 && day.getYear() <= LAST_YEAR) { // beyond it the database cannot compare
                return Optional.of(day);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.put(field, "Enter a date as YYYY-MM-DD, such as 2026-01-31.");
        return Optional.empty();
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
