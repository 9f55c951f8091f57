package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.audit.AuditActor;
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

    /** The client's address as this deployment sees it (after trusted proxies); null when unknown. */
    String clientAddress();

    /** Who the audit log names for this caller's changes. */
    AuditActor actor();

    /**
     * A request authenticated with an API key: the key's workspace, environment and scopes; {@code signing} keys
     * must sign their requests.
     */
    record KeyCaller(ApiKeyId keyId, String keyPrefix, KeyType type, WorkspaceId workspaceId,
                     Environment environment, Set<Scope> scopes, int rateLimitPerMinute, boolean signing,
                     String clientAddress)
            implements Caller {
        public KeyCaller {
            scopes = Set.copyOf(scopes);
        }

        /** A caller whose address is not known. */
        public KeyCaller(ApiKeyId keyId, String keyPrefix, KeyType type, WorkspaceId workspaceId,
                         Environment environment, Set<Scope> scopes, int rateLimitPerMinute, boolean signing) {
            this(keyId, keyPrefix, type, workspaceId, environment, scopes, rateLimitPerMinute, signing, null);
        }

        @Override
        public AuditActor actor() {
            return new AuditActor(AuditActor.Type.KEY, keyId.value(), keyPrefix);
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
    record UserCaller(UserId userId, WorkspaceId workspaceId, Environment environment, Role role, String email,
                      String clientAddress)
            implements Caller {

        /** A caller whose email and address are not at hand. */
        public UserCaller(UserId userId, WorkspaceId workspaceId, Environment environment, Role role) {
            this(userId, workspaceId, environment, role, userId.value(), null);
        }

        @Override
        public AuditActor actor() {
            return account().actor();
        }

        /** The same user acting on their own account (starting or joining a workspace). */
        public AccountCaller account() {
            return new AccountCaller(userId, email, clientAddress);
        }

        @Override
        public String credentialId() {
            return userId.value();
        }
    }
}
