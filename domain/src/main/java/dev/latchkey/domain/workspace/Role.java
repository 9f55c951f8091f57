package dev.latchkey.domain.workspace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A member's role in one workspace (PRODUCT.md §1). */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER;

    /** OWNER and ADMIN manage keys; MEMBER only reads. */
    public boolean canManageKeys() {
        return this != MEMBER;
    }

    /** OWNER and ADMIN manage members (an ADMIN only those who are not owners: see {@link MembershipRules}). */
    public boolean canManageMembers() {
        return this != MEMBER;
    }

    /** {@code OWNER}, {@code ADMIN} or {@code MEMBER}, in any case and without surrounding spaces. */
    public static Optional<Role> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.name().equals(wanted)).findFirst();
    }
}
