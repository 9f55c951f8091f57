package dev.latchkey.domain.audit;

import java.util.Objects;

/** What a change was made to: {@code key}, {@code member}, {@code workspace}, {@code invitation}, {@code user}. */
public record AuditTarget(String type, String id) {

    public AuditTarget {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }
}
