package dev.latchkey.archfixtures.persistence;

import dev.latchkey.archfixtures.application.service.thing.CreateThingService;

/** Breaks adaptersUseApplicationOnlyThroughPorts: persistence uses a service. */
public final class BadPersistenceUsingService {

    public boolean is(Object candidate) {
        return candidate instanceof CreateThingService;
    }
}
