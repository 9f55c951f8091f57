package dev.latchkey.archfixtures.application.port.out;

import dev.latchkey.archfixtures.domain.thing.Thing;
import dev.latchkey.archfixtures.domain.thing.ThingId;

import java.util.Optional;

public interface ThingRepository {

    void insert(String workspace, Thing thing);

    Optional<Thing> find(String workspace, ThingId id);
}
