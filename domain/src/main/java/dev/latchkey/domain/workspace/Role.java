package dev.latchkey.domain.workspace;

/** A member's role in one workspace (PRODUCT.md §1). */
public enum Role {
    OWNER,
    ADMIN,
    MEMBER;

    /** OWNER and ADMIN manage keys; MEMBER only reads. */
    public boolean canManageKeys() {
        return this != MEMBER;
    }
}
