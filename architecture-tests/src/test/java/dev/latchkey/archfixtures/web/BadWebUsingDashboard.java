package dev.latchkey.archfixtures.web;

import dev.latchkey.archfixtures.dashboard.ThingsPageController;

/** Breaks adaptersDoNotDependOnEachOther: web uses the dashboard. */
public final class BadWebUsingDashboard {

    public ThingsPageController.NewThingForm form(String name) {
        return new ThingsPageController.NewThingForm(name, "small");
    }
}
