package dev.latchkey.domain.audit;

import dev.latchkey.domain.common.Ids;

import java.util.Objects;

/** {@code aud_…} */
public record AuditEventId(String value) {

    public static final String PREFIX = "aud";

    public AuditEventId {
        Objects.requireNonNull(value, "value");
    }

    public static AuditEventId newId() {
        return new AuditEventId(Ids.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
