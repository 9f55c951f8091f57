package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.domain.thing.Thing;
import dev.latchkey.archfixtures.domain.thing.ThingKind;

import java.util.List;

/** Breaks domainTypesAreNotSerialisedDirectly: an API response holding domain types. */
public record BadThingResponse(Thing thing, List<ThingKind[]> kinds) {
}
