package dev.latchkey.archfixtures.application.port.in;

/** The one interface of port.in allowed not to be named *UseCase. */
public sealed interface Caller {

    String workspace();

    record UserCaller(String workspace, String user) implements Caller {
    }
}
