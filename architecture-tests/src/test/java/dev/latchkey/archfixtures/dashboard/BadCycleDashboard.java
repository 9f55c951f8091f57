package dev.latchkey.archfixtures.dashboard;

import dev.latchkey.archfixtures.web.BadCycleWeb;

/** Breaks modulesAreFreeOfCycles together with BadCycleWeb. */
public final class BadCycleDashboard {

    public BadCycleWeb back() {
        return new BadCycleWeb();
    }
}
