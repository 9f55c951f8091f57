package dev.latchkey.dashboard.support;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How the dashboard writes times: UTC to the minute or the day, or how long ago; "never" for none. */
public final class Times {

    static final String NEVER = "never";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Times() {
    }

    /** {@code 2025-01-31 14:05}, or "never". */
    public static String utc(Instant instant) {
        return instant == null ? NEVER : UTC.format(instant);
    }

    /** {@code 2025-01-31} (UTC), or "never": where a table has no room for the time. */
    public static String day(Instant instant) {
        return instant == null ? NEVER : DAY.format(instant);
    }

    /** The {@code datetime} of a {@code <time>} element (RFC 3339), or null: no attribute. */
    public static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** {@code just now}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 days ago}, or "never". */
    public static String ago(Instant instant, Instant now) {
        if (instant == null) {
            return NEVER;
        }
        Duration elapsed = Duration.between(instant, now);
        if (elapsed.toMinutes() < 1) {
            return "just now";
        }
        if (elapsed.toHours() < 1) {
            return elapsed.toMinutes() + " min ago";
        }
        if (elapsed.toDays() < 1) {
            return elapsed.toHours() + " h ago";
        }
        return elapsed.toDays() == 1 ? "1 day ago" : elapsed.toDays() + " days ago";
    }
}
