package dev.latchkey.dashboard.apikey;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Scope;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;

/** One row of the keys table: what a list may show (prefix and last four), never the key or its hash. */
public record ApiKeyView(
        String id,
        String name,
        String prefix,
        String last4,
        String type,
        String environment,
        int scopeCount,
        String scopes,
        int rateLimitPerMinute,
        String createdAt,
        String createdAtIso,
        String expiresAt,
        String lastUsedAt,
        String status) {

    static final String NEVER = "never";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    public static ApiKeyView from(ApiKey key, Instant now) {
        return new ApiKeyView(
                key.id().value(),
                key.name(),
                key.prefix(),
                key.last4(),
                key.type().code(),
                key.environment().code(),
                key.scopes().size(),
                key.scopes().stream().map(Scope::value).collect(Collectors.joining(" ")),
                key.rateLimitPerMinute(),
                format(key.createdAt()),
                key.createdAt().toString(),
                format(key.expiresAt()),
                format(key.lastUsedAt()),
                key.status(now).code());
    }

    /** {@code sk_test_AbCd…wxYz} */
    public String masked() {
        return prefix + "…" + last4;
    }

    private static String format(Instant instant) {
        return instant == null ? NEVER : SHOWN.format(instant);
    }
}
