package dev.latchkey.domain.audit;

import java.util.Objects;

/**
 * Who made a change: a user (id, email as label), an API key (id, its prefix as label; never more of the key) or the
 * system itself (expiry, retention).
 */
public record AuditActor(Type type, String id, String label) {

    public enum Type {
        USER, KEY, SYSTEM;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final AuditActor SYSTEM = new AuditActor(Type.SYSTEM, "system", "Latchkey");

    public AuditActor {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
    }
}
