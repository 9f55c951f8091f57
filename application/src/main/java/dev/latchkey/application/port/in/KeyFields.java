package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.KeyScopes;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Parsing of the writable key fields shared by create and edit; each problem is reported on its JSON field. */
final class KeyFields {

    static final String RATE_LIMIT = "rateLimit.requestsPerMinute";

    private KeyFields() {
    }

    static String name(String name, ValidationException.Collector errors) {
        String stripped = name == null ? "" : name.strip();
        errors.check(!stripped.isEmpty(), "name", "must not be blank")
                .check(stripped.length() <= ApiKey.MAX_NAME_LENGTH, "name",
                        "must be at most " + ApiKey.MAX_NAME_LENGTH + " characters")
                .check(stripped.chars().noneMatch(Character::isISOControl), "name",
                        "must not contain control characters");
        return stripped;
    }

    static Set<Scope> scopes(List<String> scopes, ValidationException.Collector errors) {
        Set<Scope> parsed = new LinkedHashSet<>();
        if (scopes == null) {
            return parsed;
        }
        errors.check(scopes.size() <= KeyScopes.MAX_SCOPES, "scopes", "at most " + KeyScopes.MAX_SCOPES + " scopes");
        for (int i = 0; i < scopes.size() && i < KeyScopes.MAX_SCOPES; i++) {
            String value = scopes.get(i);
            if (Scope.isValid(value)) {
                parsed.add(new Scope(value));
            } else {
                errors.check(false, "scopes[" + i + "]",
                        "must be resource:action in lower-case letters, digits, '_' and '-'");
            }
        }
        return parsed;
    }

    static List<IpRange> ipAllowlist(List<String> ranges, ValidationException.Collector errors) {
        List<IpRange> parsed = new ArrayList<>();
        if (ranges == null) {
            return parsed;
        }
        errors.check(ranges.size() <= ApiKey.MAX_IP_RANGES, "ipAllowlist",
                "at most " + ApiKey.MAX_IP_RANGES + " entries");
        for (int i = 0; i < ranges.size() && i < ApiKey.MAX_IP_RANGES; i++) {
            try {
                IpRange range = IpRange.parse(ranges.get(i));
                if (!parsed.contains(range)) {
                    parsed.add(range);
                }
            } catch (IllegalArgumentException e) {
                errors.check(false, "ipAllowlist[" + i + "]", e.getMessage());
            }
        }
        return parsed;
    }

    static void rateLimit(Integer requestsPerMinute, ValidationException.Collector errors) {
        errors.check(requestsPerMinute == null || requestsPerMinute > 0, RATE_LIMIT, "must be a positive number");
    }
}
