package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.port.out.SealedSecret;
import dev.latchkey.application.port.out.SigningSecret;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A key store that passes everything on: tests override the one method whose behaviour they need to control. */
public class DelegatingApiKeyRepository implements ApiKeyRepository {

    private final ApiKeyRepository delegate;

    public DelegatingApiKeyRepository(ApiKeyRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public void add(ApiKey key, SealedSecret sealedSecret) {
        delegate.add(key, sealedSecret);
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return delegate.findByHash(hash);
    }

    @Override
    public Optional<ApiKey> findById(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        return delegate.findById(workspaceId, environment, id);
    }

    @Override
    public Optional<ApiKey> findByIdForUpdate(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        return delegate.findByIdForUpdate(workspaceId, environment, id);
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspaceId, Environment environment, Optional<KeyType> type,
                             Optional<ApiKeyStatus> status, Instant now, String afterId, int limit) {
        return delegate.list(workspaceId, environment, type, status, now, afterId, limit);
    }

    @Override
    public long countUsable(WorkspaceId workspaceId, Environment environment, Instant now) {
        return delegate.countUsable(workspaceId, environment, now);
    }

    @Override
    public boolean update(ApiKey key) {
        return delegate.update(key);
    }

    @Override
    public boolean revoke(ApiKey key, Instant at) {
        return delegate.revoke(key, at);
    }

    @Override
    public boolean retire(ApiKey retired) {
        return delegate.retire(retired);
    }

    @Override
    public List<SigningSecret> signingSecrets(WorkspaceId workspaceId, Environment environment, Instant now) {
        return delegate.signingSecrets(workspaceId, environment, now);
    }
}
