package dev.latchkey.application.service;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The environments this deployment serves ({@code latchkey.environment=live|test|both}, PRODUCT.md §1): a
 * credential of another environment is refused with {@code auth_environment}.
 */
public record ServedEnvironments(Set<Environment> environments) {

    public ServedEnvironments {
        if (environments.isEmpty()) {
            throw new IllegalArgumentException("a deployment serves at least one environment");
        }
        environments = Set.copyOf(environments);
    }

    public static ServedEnvironments both() {
        return new ServedEnvironments(EnumSet.allOf(Environment.class));
    }

    /** From the setting's value: {@code live}, {@code test} or {@code both}. */
    public static ServedEnvironments parse(String setting) {
        String value = setting == null ? "both" : setting.strip().toLowerCase(Locale.ROOT);
        if (value.equals("both")) {
            return both();
        }
        return new ServedEnvironments(Set.of(Environment.fromCode(value).orElseThrow(() ->
                new IllegalArgumentException("latchkey.environment must be live, test or both, not " + setting))));
    }

    public void require(Environment environment) {
        if (!environments.contains(environment)) {
            throw new DomainException(ErrorCode.AUTH_ENVIRONMENT, "this deployment serves only the "
                    + environments.iterator().next().code() + " environment, not " + environment.code());
        }
    }

    /** The environment a user works in when they choose none: test, unless only live is served. */
    public Environment defaultEnvironment() {
        return environments.contains(Environment.TEST) ? Environment.TEST : Environment.LIVE;
    }
}
