package dev.latchkey.dashboard.apikey;

import dev.latchkey.dashboard.support.DashboardContext;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.Ids;

/** What every key page checks before it reads or changes a key. */
final class KeyPages {

    static final String LIST = "/settings/api-keys";

    private KeyPages() {
    }

    /** The key id of a path; a malformed one is a key that does not exist (404), as in /v1. */
    static ApiKeyId keyId(String value) {
        if (!Ids.looksLike(ApiKeyId.PREFIX, value)) {
            throw new DomainException(ErrorCode.NOT_FOUND, "There is no such API key in this workspace and environment.");
        }
        return new ApiKeyId(value);
    }

    /**
     * The confirmation pages of changes (new key, roll, revoke) are for those who may make them: the same rule as the
     * use case's, checked before a page that could not be submitted is shown. The change itself is always left to the
     * use case.
     */
    static void requireManage(DashboardContext ctx, String what) {
        if (!ctx.canManage()) {
            throw new DomainException(ErrorCode.ROLE_FORBIDDEN,
                    "Only owners and admins can " + what + ". Ask an admin of " + ctx.workspace().name() + ".");
        }
    }

    static String detail(ApiKeyId id) {
        return LIST + "/" + id.value();
    }
}
