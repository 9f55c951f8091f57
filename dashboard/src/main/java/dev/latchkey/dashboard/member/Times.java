package dev.latchkey.dashboard.member;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as the members pages show them: UTC, to the minute. */
final class Times {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneOffset.UTC);

    private Times() {
    }

    static String shown(Instant instant) {
        return SHOWN.format(instant);
    }
}
