package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.domain.thing.Thing;

/** Breaks mapperMeansMyBatisMapper: "Mapper" used for something that is not a MyBatis interface. */
public final class BadResponseMapper {

    public ThingResponse toResponse(Thing thing) {
        return ThingResponse.from(thing);
    }
}
