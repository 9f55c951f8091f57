package dev.latchkey.application.service.apikey;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.out.ApiKeyRepository;
import dev.latchkey.application.service.CallerAccess;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;

import java.time.Clock;
import java.util.List;

public final class ApiKeyQueryService implements FindApiKeysUseCase {

    private final ApiKeyRepository keys;
    private final ServedEnvironments served;
    private final Clock clock;

    public ApiKeyQueryService(ApiKeyRepository keys, ServedEnvironments served, Clock clock) {
        this.keys = keys;
        this.served = served;
        this.clock = clock;
    }

    @Override
    public KeyPage list(Caller caller, KeyFilter filter, PageRequest page) {
        CallerAccess.requireRead(caller, Scope.KEYS_READ);
        Environment environment = filter.environment().orElse(caller.environment());
        if (environment != caller.environment()) {
            if (caller instanceof Caller.KeyCaller) {
                throw new ValidationException(List.of(new FieldError("environment", "a key lists only the keys of "
                        + "its own environment (" + caller.environment().code() + ")")));
            }
            served.require(environment);
        }
        List<ApiKey> found = keys.list(caller.workspaceId(), environment, filter.type(), filter.status(),
                clock.instant(), page.cursor(), page.limit() + 1);
        boolean hasMore = found.size() > page.limit();
        List<ApiKey> data = hasMore ? found.subList(0, page.limit()) : found;
        return new KeyPage(data, hasMore, hasMore ? data.getLast().id().value() : null);
    }

    @Override
    public ApiKey get(Caller caller, ApiKeyId id) {
        CallerAccess.requireRead(caller, Scope.KEYS_READ);
        return find(keys, caller, id);
    }

    /** The caller's key {@code id}; any other key (another workspace or environment) is not found. */
    public static ApiKey find(ApiKeyRepository keys, Caller caller, ApiKeyId id) {
        return keys.findById(caller.workspaceId(), caller.environment(), id).orElseThrow(() -> notFound(caller, id));
    }

    static DomainException notFound(Caller caller, ApiKeyId id) {
        return new DomainException(ErrorCode.NOT_FOUND, "no key " + id.value() + " in this "
                + caller.environment().code() + " environment of the workspace");
    }
}
