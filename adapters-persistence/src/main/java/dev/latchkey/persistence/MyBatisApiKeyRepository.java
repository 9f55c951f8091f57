package dev.latchkey.persistence;

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
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

@Repository
public class MyBatisApiKeyRepository implements ApiKeyRepository {

    private final ApiKeyMapper mapper;

    public MyBatisApiKeyRepository(ApiKeyMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void add(ApiKey key, SealedSecret sealedSecret) {
        byte[] sealed = sealedSecret == null ? null : sealedSecret.bytes();
        StoreFailures.guard(() -> mapper.insert(ApiKeyRow.from(key), sealed));
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findByHash(hash.hex()))).map(ApiKeyRow::toDomain);
    }

    @Override
    public Optional<ApiKey> findById(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        return find(workspaceId, environment, id, false);
    }

    @Override
    public Optional<ApiKey> findByIdForUpdate(WorkspaceId workspaceId, Environment environment, ApiKeyId id) {
        return find(workspaceId, environment, id, true);
    }

    private Optional<ApiKey> find(WorkspaceId workspaceId, Environment environment, ApiKeyId id, boolean forUpdate) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findById(workspaceId.value(),
                environment.code(), id.value(), forUpdate))).map(ApiKeyRow::toDomain);
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspaceId, Environment environment, Optional<KeyType> type,
                             Optional<ApiKeyStatus> status, Instant now, String afterId, int limit) {
        return StoreFailures.guard(() -> mapper.list(workspaceId.value(), environment.code(),
                        type.map(KeyType::code).orElse(null), status.map(ApiKeyStatus::name).orElse(null), now,
                        now.plus(ApiKey.EXPIRING_WINDOW), afterId, limit))
                .stream().map(ApiKeyRow::toDomain).toList();
    }

    @Override
    public long countUsable(WorkspaceId workspaceId, Environment environment, Instant now) {
        return StoreFailures.guard(() -> mapper.countUsable(workspaceId.value(), environment.code(), now));
    }

    @Override
    public boolean update(ApiKey key) {
        return StoreFailures.guard(() -> mapper.update(ApiKeyRow.from(key))) > 0;
    }

    @Override
    public boolean revoke(ApiKey key, Instant at) {
        Objects.requireNonNull(at, "at");
        return StoreFailures.guard(() -> mapper.revoke(ApiKeyRow.from(key), at)) > 0;
    }

    @Override
    public boolean retire(ApiKey retired) {
        Objects.requireNonNull(retired.rolledToId(), "a retired key names its successor");
        return StoreFailures.guard(() -> mapper.retire(ApiKeyRow.from(retired))) > 0;
    }

    @Override
    public List<SigningSecret> signingSecrets(WorkspaceId workspaceId, Environment environment, Instant now) {
        return StoreFailures.guard(() -> mapper.signingSecrets(workspaceId.value(), environment.code(), now))
                .stream().map(SigningSecretRow::toPort).toList();
    }
}
