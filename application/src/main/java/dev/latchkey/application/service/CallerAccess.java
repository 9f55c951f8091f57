package dev.latchkey.application.service;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

/**
 * What a caller may do: a key needs the scope, a user needs a role that allows it
 * (PRODUCT.md §3: MEMBER reads; ADMIN/OWNER write).
 */
public final class CallerAccess {

    private CallerAccess() {
    }

    /** A read: the key must hold {@code scope}; every member may read. */
    public static void requireRead(Caller caller, Scope scope) {
        if (caller instanceof Caller.KeyCaller key && !key.holds(scope)) {
            throw scopeMissing(scope);
        }
    }

    /** A write: the key must hold {@code scope}; the user must be ADMIN or OWNER. */
    public static void requireWrite(Caller caller, Scope scope) {
        switch (caller) {
            case Caller.KeyCaller key when !key.holds(scope) -> throw scopeMissing(scope);
            case Caller.UserCaller user when !user.role().canManageKeys() -> throw new DomainException(
                    ErrorCode.ROLE_FORBIDDEN, "your role " + user.role() + " cannot change this; ask an admin or owner");
            default -> {
            }
        }
    }

    /** A read of something only admins see (the audit log): the key must hold {@code scope}; the user be ADMIN+. */
    public static void requirePrivilegedRead(Caller caller, Scope scope) {
        switch (caller) {
            case Caller.KeyCaller key when !key.holds(scope) -> throw scopeMissing(scope);
            case Caller.UserCaller user when !user.role().canManageKeys() -> throw new DomainException(
                    ErrorCode.ROLE_FORBIDDEN, "only an admin or owner may read this");
            default -> {
            }
        }
    }

    private static DomainException scopeMissing(Scope scope) {
        return new DomainException(ErrorCode.SCOPE_MISSING, "this key lacks the scope " + scope.value());
    }
}
