package dev.latchkey.archfixtures.domain.thing;

/** An enum: its values() array is a dependency on ThingKind[] that an allow-list rule must accept. */
public enum ThingKind {
    SMALL, LARGE;

    public static ThingKind parse(String text) {
        for (ThingKind kind : values()) {
            if (kind.name().equalsIgnoreCase(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(text);
    }
}
