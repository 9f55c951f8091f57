package dev.latchkey.domain.apikey;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScopeTest {

    @Test
    void platformScopesAreThoseOfTheContractInItsOrder() {
        assertThat(Scope.PLATFORM).extracting(Scope::value).containsExactly(
                "workspace:read", "keys:read", "keys:write", "keys:verify", "members:read", "usage:read",
                "audit:read", "webhooks:read", "webhooks:write");
        assertThat(Scope.PLATFORM).allMatch(Scope::isPlatform);
    }

    @Test
    void customScopesAreNotPlatformScopes() {
        assertThat(new Scope("resources:read").isPlatform()).isFalse();
        assertThat(new Scope("jobs:write").isPlatform()).isFalse();
        assertThat(new Scope("my-api_v2:run-now").resource()).isEqualTo("my-api_v2");
    }

    @Test
    void nullOrBlankIsNotAScope() {
        assertThat(Scope.isValid(null)).isFalse();
        assertThat(Scope.isValid("")).isFalse();
        assertThat(Scope.isValid("keys:read ")).isFalse();
        assertThat(Scope.isValid("a:b:c")).isFalse();
        assertThatThrownBy(() -> new Scope(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sortedOrdersByValue() {
        assertThat(Scope.sorted(Set.of(Scope.WEBHOOKS_WRITE, Scope.AUDIT_READ, Scope.KEYS_READ)))
                .containsExactly(Scope.AUDIT_READ, Scope.KEYS_READ, Scope.WEBHOOKS_WRITE);
    }
}
