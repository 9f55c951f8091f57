package dev.latchkey.dashboard.apikey;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How long a rolled key keeps working: the choices of the roll page (PRODUCT.md §5 allows 0 to 7 days). */
public enum RollGrace {
    NOW(Duration.ZERO, "Now", "The old key stops working at once. Choose this if it leaked."),
    ONE_HOUR(Duration.ofHours(1), "In 1 hour", "Enough to swap the key in one service."),
    ONE_DAY(Duration.ofDays(1), "In 24 hours", "Time to deploy the new key everywhere."),
    SEVEN_DAYS(Duration.ofDays(7), "In 7 days", "For clients you do not deploy yourself.");

    static final RollGrace DEFAULT = ONE_DAY;

    private final Duration duration;
    private final String label;
    private final String hint;

    RollGrace(Duration duration, String label, String hint) {
        this.duration = duration;
        this.label = label;
        this.hint = hint;
    }

    /** The form value: seconds, like {@code expiresInSeconds} of /v1. */
    public String value() {
        return Long.toString(duration.toSeconds());
    }

    public Duration duration() {
        return duration;
    }

    public String label() {
        return label;
    }

    public String hint() {
        return hint;
    }

    static Optional<RollGrace> of(String value) {
        return Arrays.stream(values()).filter(grace -> grace.value().equals(value)).findFirst();
    }
}
