package dev.latchkey.archfixtures.domain.beta;

import dev.latchkey.archfixtures.domain.alpha.BadAlphaPart;

/** Breaks domainIsFreeOfCycles together with BadAlphaPart. */
public record BadBetaPart(String name) {

    public BadAlphaPart wrap() {
        return new BadAlphaPart(this);
    }
}
