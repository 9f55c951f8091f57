package dev.latchkey.domain.workspace;

/** The features a plan may or may not include (PRODUCT.md §10), named as the upgrade message names them. */
public enum PlanFeature {
    RESTRICTED_KEYS("Restricted keys"),
    CUSTOM_SCOPES("Custom scopes"),
    REQUEST_SIGNING("Request signing"),
    WEBHOOKS("Webhooks"),
    IP_ALLOWLISTS("IP allowlists"),
    KILL_SWITCH("The kill switch");

    private final String title;

    PlanFeature(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Agreement of the message's verb: "IP allowlists are", "The kill switch is". */
    boolean isPlural() {
        return title.endsWith("s");
    }
}
