package dev.latchkey.archfixtures.application.service.alpha;

import dev.latchkey.archfixtures.application.service.beta.BadBetaStep;

/** Breaks applicationIsFreeOfCycles together with BadBetaStep: service.alpha -> service.beta -> service.alpha. */
public final class BadAlphaStep {

    public BadBetaStep next() {
        return new BadBetaStep();
    }
}
