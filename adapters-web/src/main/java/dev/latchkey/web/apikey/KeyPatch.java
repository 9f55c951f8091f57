package dev.latchkey.web.apikey;

import dev.latchkey.application.port.in.ManageApiKeysUseCase.EditApiKeyCommand;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.web.support.FieldErrors;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@code PATCH /v1/keys/{id}} body (a JSON merge patch) into an {@link EditApiKeyCommand}: absent fields
 * stay, {@code ipAllowlist: null} clears the allowlist, fields that never change are each reported, and so is every
 * value of the wrong JSON type.
 */
final class KeyPatch {

    /** Fields of a key that a PATCH cannot change. */
    static final Set<String> IMMUTABLE = Set.of("type", "environment", "signing", "expiresAt", "key", "id", "prefix",
            "last4", "status", "createdAt", "revokedAt", "lastUsedAt", "lastUsedIp", "rolledToId");

    private KeyPatch() {
    }

    static EditApiKeyCommand parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new DomainException(ErrorCode.BAD_REQUEST, "the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors();
        List<String> immutable = body.propertyNames().stream().filter(IMMUTABLE::contains).toList();
        String name = body.has("name") ? name(body.get("name"), errors) : null;
        List<String> scopes = body.has("scopes") ? strings(body.get("scopes"), "scopes", errors) : null;
        Integer rateLimit = body.has("rateLimit") ? rateLimit(body.get("rateLimit"), errors) : null;
        List<String> ipAllowlist = body.has("ipAllowlist") ? strings(body.get("ipAllowlist"), "ipAllowlist", errors)
                : null;
        return errors.parse(() -> EditApiKeyCommand.parse(name, scopes, rateLimit, ipAllowlist, immutable));
    }

    /** A name; null is no name at all, which the command refuses as blank. */
    private static String name(JsonNode node, FieldErrors errors) {
        if (node.isNull()) {
            return "";
        }
        if (!node.isString()) {
            errors.add("name", "must be a string");
            return null;
        }
        return node.stringValue();
    }

    /** A list of strings; null clears it. */
    private static List<String> strings(JsonNode node, String field, FieldErrors errors) {
        if (node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            errors.add(field, "must be an array of strings");
            return null;
        }
        List<String> values = new ArrayList<>();
        boolean wellTyped = true;
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            if (element.isString()) {
                values.add(element.stringValue());
            } else {
                errors.add(field + "[" + i + "]", "must be a string");
                wellTyped = false;
            }
        }
        return wellTyped ? values : null;
    }

    private static Integer rateLimit(JsonNode node, FieldErrors errors) {
        if (!node.isObject()) {
            errors.add("rateLimit", node.isNull() ? "cannot be removed; set rateLimit.requestsPerMinute"
                    : "must be an object such as {\"requestsPerMinute\": 600}");
            return null;
        }
        JsonNode requestsPerMinute = node.get("requestsPerMinute");
        if (requestsPerMinute == null || requestsPerMinute.isNull()) {
            errors.add("rateLimit.requestsPerMinute", "is required");
            return null;
        }
        if (!requestsPerMinute.isIntegralNumber() || !requestsPerMinute.canConvertToInt()) {
            errors.add("rateLimit.requestsPerMinute", "must be a positive whole number");
            return null;
        }
        return requestsPerMinute.intValue();
    }
}
