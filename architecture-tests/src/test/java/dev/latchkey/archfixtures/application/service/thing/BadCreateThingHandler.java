package dev.latchkey.archfixtures.application.service.thing;

import dev.latchkey.archfixtures.application.port.in.Caller;
import dev.latchkey.archfixtures.application.port.in.CreateThingUseCase;
import dev.latchkey.archfixtures.domain.thing.Thing;

/** Breaks useCasesAreImplementedByServices: implements a use case but is not named *Service. */
public final class BadCreateThingHandler implements CreateThingUseCase {

    @Override
    public Thing create(Caller caller, CreateThingCommand command) {
        throw new UnsupportedOperationException();
    }
}
