package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.domain.thing.Thing;

import java.util.List;

public record ThingResponse(String id, String name, String kind, List<String> tags) {

    public static ThingResponse from(Thing thing) {
        return new ThingResponse(thing.id().value(), thing.name().value(), thing.kind().name().toLowerCase(),
                thing.tags());
    }
}
