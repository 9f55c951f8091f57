package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.application.service.thing.CreateThingService;

/** Breaks adaptersUseApplicationOnlyThroughPorts: web uses a service instead of its use case. */
public final class BadControllerUsingService {

    private final CreateThingService service;

    public BadControllerUsingService(CreateThingService service) {
        this.service = service;
    }

    public Object service() {
        return service;
    }
}
