package dev.latchkey.archfixtures.persistence;

import dev.latchkey.archfixtures.web.ThingResponse;

/** Breaks adaptersDoNotDependOnEachOther: persistence uses the web adapter. */
public final class BadPersistenceUsingWeb {

    public String idOf(ThingResponse response) {
        return response.id();
    }
}
