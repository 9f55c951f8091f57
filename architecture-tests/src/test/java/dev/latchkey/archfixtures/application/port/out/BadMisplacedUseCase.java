package dev.latchkey.archfixtures.application.port.out;

/** Breaks inboundPortsAreUseCases: a *UseCase outside port.in. */
public interface BadMisplacedUseCase {

    void run();
}
