package dev.latchkey.archfixtures.domain.alpha;

import dev.latchkey.archfixtures.domain.beta.BadBetaPart;

/** Breaks domainIsFreeOfCycles together with BadBetaPart: domain.alpha -> domain.beta -> domain.alpha. */
public record BadAlphaPart(BadBetaPart other) {
}
