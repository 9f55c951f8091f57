package dev.latchkey.web.apikey;

import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyFilter;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyPage;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.application.port.in.ManageApiKeysUseCase;
import dev.latchkey.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.web.support.FieldErrors;
import dev.latchkey.web.support.RequestValues;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The key lifecycle of PRODUCT.md §5 and §12, for API keys and user tokens alike. */
@RestController
@RequestMapping("/v1/keys")
@Tag(name = "API keys", description = "Create, list, read, edit, roll and revoke the keys of the caller's workspace "
        + "and environment")
public class ApiKeyController {

    static final String MERGE_PATCH_JSON = "application/merge-patch+json";
    static final long DEFAULT_GRACE_SECONDS = ApiKey.DEFAULT_ROLL_GRACE.toSeconds();

    private final FindApiKeysUseCase find;
    private final ManageApiKeysUseCase manage;
    private final Clock clock;

    public ApiKeyController(FindApiKeysUseCase find, ManageApiKeysUseCase manage, Clock clock) {
        this.find = find;
        this.manage = manage;
        this.clock = clock;
    }

    @Operation(operationId = "createKey", summary = "Create a key", description = "Needs `keys:write` (a key) or ADMIN/OWNER (a user). The answer "
            + "holds the full key in `key`: the only time it is ever shown.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping
    public ResponseEntity<ApiKeyResponse> create(Caller caller, @RequestBody CreateApiKeyRequest body) {
        FieldErrors errors = new FieldErrors();
        Instant expiresAt = RequestValues.timestamp(body.expiresAt(), "expiresAt", errors).orElse(null);
        Integer requestsPerMinute = body.rateLimit() == null ? null : body.rateLimit().requestsPerMinute();
        CreateApiKeyCommand command = errors.parse(() -> CreateApiKeyCommand.parse(body.name(), body.type(),
                body.environment(), body.scopes(), requestsPerMinute, expiresAt, body.ipAllowlist(), body.signing()));
        IssuedApiKey issued = manage.create(caller, command);
        return issued(HttpStatus.CREATED, issued);
    }

    @Operation(operationId = "listKeys", summary = "List keys", description = "Newest first, a page at a time. Needs `keys:read` (a key) or any "
            + "membership (a user).")
    @GetMapping
    public ApiKeyListResponse list(
            Caller caller,
            @Parameter(description = "Page size", schema = @Schema(type = "integer", minimum = "1", maximum = "100",
                    defaultValue = "20")) @RequestParam(required = false) String limit,
            @Parameter(description = "`nextCursor` of the previous page") @RequestParam(required = false) String cursor,
            @Parameter(schema = @Schema(allowableValues = {"pk", "sk", "rk"})) @RequestParam(required = false)
            String type,
            @Parameter(schema = @Schema(allowableValues = {"active", "expiring", "revoked", "expired"}))
            @RequestParam(required = false) String status,
            @Parameter(description = "Users: the environment to list (default: their Latchkey-Environment). Keys list "
                    + "only their own environment's keys", schema = @Schema(allowableValues = {"live", "test"}))
            @RequestParam(required = false) String environment) {
        FieldErrors errors = new FieldErrors();
        PageRequest pageRequest = RequestValues.page(limit, cursor, ApiKeyId.PREFIX, errors);
        Optional<KeyType> keyType = RequestValues.option(type, "type", "must be pk, sk or rk", KeyType::fromCode, errors);
        Optional<ApiKeyStatus> keyStatus = RequestValues.option(status, "status", "must be active, expiring, revoked or expired",
                value -> Arrays.stream(ApiKeyStatus.values()).filter(candidate -> candidate.code().equals(value))
                        .findFirst(), errors);
        Optional<Environment> keyEnvironment = RequestValues.option(environment, "environment", "must be live or test",
                Environment::fromCode, errors);
        errors.throwIfAny();
        KeyPage page = find.list(caller, new KeyFilter(keyType, keyStatus, keyEnvironment),
                pageRequest);
        Instant now = clock.instant();
        return new ApiKeyListResponse(page.keys().stream().map(key -> ApiKeyResponse.from(key, now)).toList(),
                page.hasMore(), page.nextCursor());
    }

    @Operation(operationId = "getKey", summary = "Get a key")
    @GetMapping("/{id}")
    public ApiKeyResponse get(Caller caller, @PathVariable String id) {
        return ApiKeyResponse.from(find.get(caller, RequestValues.keyIdOrNotFound(id)), clock.instant());
    }

    @Operation(operationId = "updateKey", summary = "Edit a key", description = "Changes `name`, `scopes`, `rateLimit` and `ipAllowlist`; any "
            + "other field of a key is refused (422). Needs `keys:write` or ADMIN/OWNER.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = UpdateApiKeyRequest.class)),
            @Content(mediaType = MERGE_PATCH_JSON, schema = @Schema(implementation = UpdateApiKeyRequest.class))})
    @PatchMapping("/{id}")
    public ApiKeyResponse update(Caller caller, @PathVariable String id, @RequestBody JsonNode body) {
        var keyId = RequestValues.keyIdOrNotFound(id);
        return ApiKeyResponse.from(manage.edit(caller, keyId, KeyPatch.parse(body)), clock.instant());
    }

    @Operation(operationId = "rollKey", summary = "Roll a key", description = "Issues a new key with the same settings (answered with its "
            + "`key`, shown once); the old key keeps working for `expiresInSeconds` (default 86400, at most 604800; "
            + "0 revokes it at once), never beyond its own expiry. Needs `keys:write` or ADMIN/OWNER.")
    @ResponseStatus(HttpStatus.CREATED)
    @PostMapping("/{id}/roll")
    public ResponseEntity<ApiKeyResponse> roll(Caller caller, @PathVariable String id,
                                               @RequestBody(required = false) RollApiKeyRequest body) {
        var keyId = RequestValues.keyIdOrNotFound(id);
        long seconds = body == null || body.expiresInSeconds() == null ? DEFAULT_GRACE_SECONDS : body.expiresInSeconds();
        KeyRoll roll = manage.roll(caller, keyId, Duration.ofSeconds(seconds));
        return issued(HttpStatus.CREATED, roll.successor());
    }

    @Operation(operationId = "revokeKey", summary = "Revoke a key", description = "The next request with it is refused (`auth_revoked`). "
            + "Revoking a revoked key changes nothing. Needs `keys:write` or ADMIN/OWNER.")
    @PostMapping("/{id}/revoke")
    @ResponseStatus(HttpStatus.OK)
    public ApiKeyResponse revoke(Caller caller, @PathVariable String id) {
        return ApiKeyResponse.from(manage.revoke(caller, RequestValues.keyIdOrNotFound(id)), clock.instant());
    }

    private ResponseEntity<ApiKeyResponse> issued(HttpStatus status, IssuedApiKey issued) {
        return ResponseEntity.status(status)
                .location(URI.create("/v1/keys/" + issued.key().id().value()))
                .cacheControl(CacheControl.noStore())
                .body(ApiKeyResponse.issued(issued, clock.instant()));
    }
}
