package dev.latchkey.domain.apikey;

/** Derived from a key's dates at a given instant (PRODUCT.md §12). */
public enum ApiKeyStatus {
    ACTIVE("active"),
    /** Still valid, but will stop working at its expiry (e.g. during a roll's grace period). */
    EXPIRING("expiring"),
    REVOKED("revoked"),
    EXPIRED("expired");

    private final String code;

    ApiKeyStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
