package dev.latchkey.archfixtures.application.service.thing;

/** Breaks useCasesAreImplementedByServices: a *Service that implements no use case. */
public final class BadOrphanService {

    public int answer() {
        return 42;
    }
}
