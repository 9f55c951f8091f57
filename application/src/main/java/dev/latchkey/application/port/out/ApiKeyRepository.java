package dev.latchkey.application.port.out;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

/**
 * Stored keys. {@link #findByHash} is the authentication lookup: the one a cache wraps.
 * Every other query is confined to one workspace and environment.
 */
public interface ApiKeyRepository {

    void add(ApiKey key);

    Optional<ApiKey> findByHash(KeyHash hash);

    /**
     * Up to {@code limit} keys, newest first, strictly after the key {@code afterId} (null: from the newest).
     */
    List<ApiKey> list(WorkspaceId workspaceId, Environment environment, String afterId, int limit);
}
