package dev.latchkey.archfixtures.dashboard;

import dev.latchkey.archfixtures.persistence.ThingRow;

/** Breaks adaptersDoNotDependOnEachOther: the dashboard reads persistence rows. */
public final class BadDashboardUsingPersistence {

    public String nameOf(ThingRow row) {
        return row.name();
    }
}
