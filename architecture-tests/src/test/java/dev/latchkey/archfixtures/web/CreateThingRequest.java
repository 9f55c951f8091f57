package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.application.port.in.CreateThingUseCase.CreateThingCommand;

public record CreateThingRequest(String name, String kind) {

    public CreateThingCommand toCommand() {
        return new CreateThingCommand(name, kind);
    }
}
