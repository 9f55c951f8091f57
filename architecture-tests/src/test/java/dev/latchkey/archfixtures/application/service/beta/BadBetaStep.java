package dev.latchkey.archfixtures.application.service.beta;

import dev.latchkey.archfixtures.application.service.alpha.BadAlphaStep;

/** Breaks applicationIsFreeOfCycles together with BadAlphaStep. */
public final class BadBetaStep {

    public BadAlphaStep back() {
        return new BadAlphaStep();
    }
}
