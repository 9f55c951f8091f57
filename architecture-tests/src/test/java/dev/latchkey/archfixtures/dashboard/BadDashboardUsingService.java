package dev.latchkey.archfixtures.dashboard;

import dev.latchkey.archfixtures.application.service.thing.CreateThingService;

/** Breaks adaptersUseApplicationOnlyThroughPorts: the dashboard uses a service. */
public final class BadDashboardUsingService {

    public Class<?> type() {
        return CreateThingService.class;
    }
}
