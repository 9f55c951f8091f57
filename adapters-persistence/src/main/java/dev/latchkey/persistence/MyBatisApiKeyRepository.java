package dev.latchkey.persistence;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class MyBatisApiKeyRepository implements ApiKeyRepository {

    private final ApiKeyMapper mapper;

    public MyBatisApiKeyRepository(ApiKeyMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void add(ApiKey key) {
        StoreFailures.guard(() -> mapper.insert(ApiKeyRow.from(key)));
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        return Optional.ofNullable(StoreFailures.guard(() -> mapper.findByHash(hash.hex()))).map(ApiKeyRow::toDomain);
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspaceId, Environment environment, String afterId, int limit) {
        return StoreFailures.guard(() -> mapper.list(workspaceId.value(), environment.code(), afterId, limit)).stream()
                .map(ApiKeyRow::toDomain).toList();
    }
}
