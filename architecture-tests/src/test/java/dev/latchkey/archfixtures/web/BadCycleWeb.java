package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.dashboard.BadCycleDashboard;

/** Breaks modulesAreFreeOfCycles together with BadCycleDashboard: web -> dashboard -> web. */
public final class BadCycleWeb {

    public BadCycleDashboard next() {
        return new BadCycleDashboard();
    }
}
