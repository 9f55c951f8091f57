package dev.latchkey.archfixtures.domain.thing;

import java.util.UUID;

public record ThingId(String value) {
    public static ThingId random() {
        return new ThingId(UUID.randomUUID().toString());
    }
}
