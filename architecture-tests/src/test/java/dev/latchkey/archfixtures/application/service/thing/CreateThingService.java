package dev.latchkey.archfixtures.application.service.thing;

import dev.latchkey.archfixtures.application.port.in.Caller;
import dev.latchkey.archfixtures.application.port.in.CreateThingUseCase;
import dev.latchkey.archfixtures.application.port.out.ThingRepository;
import dev.latchkey.archfixtures.domain.common.Name;
import dev.latchkey.archfixtures.domain.thing.Thing;
import dev.latchkey.archfixtures.domain.thing.ThingId;
import dev.latchkey.archfixtures.domain.thing.ThingKind;

import java.time.Clock;
import java.util.List;

public final class CreateThingService implements CreateThingUseCase {

    private final ThingRepository things;
    private final Clock clock;

    public CreateThingService(ThingRepository things, Clock clock) {
        this.things = things;
        this.clock = clock;
    }

    @Override
    public Thing create(Caller caller, CreateThingCommand command) {
        Thing thing = new Thing(ThingId.random(), new Name(command.name()), ThingKind.parse(command.kind()),
                List.of(), clock.instant());
        things.insert(caller.workspace(), thing);
        return thing;
    }
}
