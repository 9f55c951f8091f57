package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.Ids;

import java.util.Objects;

/** {@code inv_…}: names an invitation in lists and the audit log; it is not the secret token. */
public record InvitationId(String value) {

    public static final String PREFIX = "inv";

    public InvitationId {
        Objects.requireNonNull(value, "value");
    }

    public static InvitationId newId() {
        return new InvitationId(Ids.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
