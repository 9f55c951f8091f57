package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ListApiKeysUseCase;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.service.CallerAccess;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Scope;

import java.util.List;

public final class ApiKeyQueryService implements ListApiKeysUseCase {

    private final ApiKeyRepository keys;

    public ApiKeyQueryService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public KeyPage list(Caller caller, PageRequest page) {
        CallerAccess.requireRead(caller, Scope.KEYS_READ);
        List<ApiKey> found = keys.list(caller.workspaceId(), caller.environment(), page.cursor(), page.limit() + 1);
        boolean hasMore = found.size() > page.limit();
        List<ApiKey> data = hasMore ? found.subList(0, page.limit()) : found;
        return new KeyPage(data, hasMore, hasMore ? data.getLast().id().value() : null);
    }
}
