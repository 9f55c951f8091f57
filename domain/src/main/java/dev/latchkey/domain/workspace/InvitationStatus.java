package dev.latchkey.domain.workspace;

import java.util.Locale;

/** Where an invitation stands: only a pending one can be accepted or revoked. */
public enum InvitationStatus {
    PENDING,
    ACCEPTED,
    REVOKED,
    EXPIRED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
