package dev.latchkey.archfixtures.app;

import dev.latchkey.archfixtures.application.service.thing.CreateThingService;
import dev.latchkey.archfixtures.dashboard.ThingsPageController;
import dev.latchkey.archfixtures.persistence.MyBatisThingRepository;
import dev.latchkey.archfixtures.persistence.ThingMapper;
import dev.latchkey.archfixtures.web.ThingController;

import java.time.Clock;

/** app wires everything: it may use every module and every technology. */
public final class FixtureApplication {

    private FixtureApplication() {
    }

    public static ThingController wire(ThingMapper mapper) {
        CreateThingService service = new CreateThingService(new MyBatisThingRepository(mapper), Clock.systemUTC());
        new ThingsPageController(service);
        return new ThingController(service);
    }
}
