package dev.latchkey.application.fake;

import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keys in memory, newest first (ties broken by id, descending), counting the authentication lookups. */
public final class InMemoryApiKeyRepository implements ApiKeyRepository {

    private static final Comparator<ApiKey> NEWEST_FIRST = Comparator.comparing(ApiKey::createdAt)
            .thenComparing(key -> key.id().value()).reversed();

    private final Map<String, ApiKey> byId = new LinkedHashMap<>();
    private int findByHashCalls;
    private int listCalls;

    @Override
    public void add(ApiKey key) {
        if (byId.putIfAbsent(key.id().value(), key) != null) {
            throw new IllegalStateException("duplicate key id " + key.id());
        }
    }

    @Override
    public Optional<ApiKey> findByHash(KeyHash hash) {
        findByHashCalls++;
        return byId.values().stream().filter(key -> key.hash().equals(hash)).findFirst();
    }

    @Override
    public List<ApiKey> list(WorkspaceId workspaceId, Environment environment, String afterId, int limit) {
        listCalls++;
        List<ApiKey> ordered = byId.values().stream()
                .filter(key -> key.workspaceId().equals(workspaceId) && key.environment() == environment)
                .sorted(NEWEST_FIRST)
                .toList();
        int start = 0;
        if (afterId != null) {
            ApiKey after = byId.get(afterId);
            // like the SQL: a cursor from another workspace or environment matches nothing
            if (after == null || !after.workspaceId().equals(workspaceId) || after.environment() != environment) {
                return List.of();
            }
            start = (int) ordered.stream().takeWhile(key -> NEWEST_FIRST.compare(key, after) <= 0).count();
        }
        return new ArrayList<>(ordered.subList(start, Math.min(ordered.size(), start + limit)));
    }

    public int findByHashCalls() {
        return findByHashCalls;
    }

    public int listCalls() {
        return listCalls;
    }

    public List<ApiKey> all() {
        return new ArrayList<>(byId.values());
    }
}
