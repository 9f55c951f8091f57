package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.Set;

/** Who is calling: every use case acts in exactly one workspace and environment, the caller's. */
public sealed interface Caller {

    WorkspaceId workspaceId();

    Environment environment();

    /** The caller's identity for scoping records to a credential (idempotency): a key id or a user id. */
    String credentialId();

    /**
     * A request authenticated with an API key: the key's workspace, environment and scopes; {@code signing} keys
     * must sign their requests.
     */
    record KeyCaller(ApiKeyId keyId, String keyPrefix, KeyType type, WorkspaceId workspaceId,
                     Environment environment, Set<Scope> scopes, int rateLimitPerMinute, boolean signing)
            implements Caller {
        public KeyCaller {
            scopes = Set.copyOf(scopes);
        }

        @Override
        public String credentialId() {
            return keyId.value();
        }

        /** A secret key holds every scope (PRODUCT.md §1); other keys hold their list. */
        public boolean holds(Scope scope) {
            return type == KeyType.SECRET || scopes.contains(scope);
        }
    }

    /** A signed-in user acting in one of their workspaces with their role there. */
    record UserCaller(UserId userId, WorkspaceId workspaceId, Environment environment, Role role)
            implements Caller {

        @Override
        public String credentialId() {
            return userId.value();
        }
    }
}
