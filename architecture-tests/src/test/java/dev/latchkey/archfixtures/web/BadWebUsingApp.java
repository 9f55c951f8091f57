package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.app.FixtureApplication;

/** Breaks adaptersDoNotDependOnEachOther: an adapter reaching back into app. */
public final class BadWebUsingApp {

    public Object rewire() {
        return FixtureApplication.wire(null);
    }
}
