package dev.latchkey.archfixtures.application.port.in;

import dev.latchkey.archfixtures.domain.thing.Thing;

public interface CreateThingUseCase {

    Thing create(Caller caller, CreateThingCommand command);

    record CreateThingCommand(String name, String kind) {
    }
}
