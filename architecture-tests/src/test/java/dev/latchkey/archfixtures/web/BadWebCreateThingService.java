package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.application.port.in.Caller;
import dev.latchkey.archfixtures.application.port.in.CreateThingUseCase;
import dev.latchkey.archfixtures.domain.thing.Thing;

/** Breaks useCasesAreImplementedByServices: a use case implemented in an adapter. */
public final class BadWebCreateThingService implements CreateThingUseCase {

    @Override
    public Thing create(Caller caller, CreateThingCommand command) {
        throw new UnsupportedOperationException();
    }
}
