package dev.latchkey.archfixtures.application.port.in;

/** Breaks inboundPortsAreUseCases: an interface in port.in that is not a *UseCase. */
public interface BadThingLookup {

    String name(String id);
}
