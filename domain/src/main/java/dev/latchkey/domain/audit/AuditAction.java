package dev.latchkey.domain.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audit event records; {@link #code} is the API's {@code action} ({@code key.created}, …). */
public enum AuditAction {
    KEY_CREATED("key.created"),
    KEY_EDITED("key.edited"),
    KEY_ROLLED("key.rolled"),
    KEY_REVOKED("key.revoked"),
    KEY_EXPIRED("key.expired"),
    WORKSPACE_CREATED("workspace.created"),
    PLAN_CHANGED("workspace.plan_changed"),
    WORKSPACE_LOCKED("workspace.locked"),
    WORKSPACE_UNLOCKED("workspace.unlocked"),
    OWNERSHIP_TRANSFERRED("workspace.ownership_transferred"),
    MEMBER_INVITED("member.invited"),
    MEMBER_JOINED("member.joined"),
    MEMBER_ROLE_CHANGED("member.role_changed"),
    MEMBER_REMOVED("member.removed"),
    LOGIN_SUCCEEDED("user.login_succeeded"),
    LOGIN_FAILED("user.login_failed"),
    PASSWORD_CHANGED("user.password_changed");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<AuditAction> fromCode(String code) {
        return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst();
    }
}
