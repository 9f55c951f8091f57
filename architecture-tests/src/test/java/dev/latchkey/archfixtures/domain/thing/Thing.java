package dev.latchkey.archfixtures.domain.thing;

import dev.latchkey.archfixtures.domain.common.Name;

import java.time.Instant;
import java.util.List;

public record Thing(ThingId id, Name name, ThingKind kind, List<String> tags, Instant createdAt) {
    public Thing {
        tags = List.copyOf(tags);
    }

    public String describe() {
        return switch (kind) {
            case SMALL -> "small " + name.value();
            case LARGE -> "large " + name.value();
        };
    }
}
