package dev.latchkey.domain.apikey;

/** Why a string is not a well-formed Latchkey key. None of these need a database read to decide. */
public enum FormatViolation {
    PREFIX("unknown key prefix"),
    LENGTH("key has the wrong length"),
    ALPHABET("key contains characters outside base62"),
    CHECKSUM("key checksum does not match");

    private final String description;

    FormatViolation(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
