package dev.latchkey.domain.apikey;

import dev.latchkey.domain.apikey.KeyScopes.Decision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scope rules of the key types (PRODUCT.md §1, §5). */
class KeyScopesTest {

    private static final Scope RESOURCES_READ = new Scope("resources:read");
    private static final Scope JOBS_WRITE = new Scope("jobs:write");

    @Test
    void aSecretKeyHoldsEveryPlatformScope() {
        assertThat(allowed(KeyScopes.forType(KeyType.SECRET, Set.of())))
                .containsExactlyInAnyOrderElementsOf(Scope.PLATFORM);
        assertThat(allowed(KeyScopes.forType(KeyType.SECRET, Set.of(Scope.KEYS_READ))))
                .containsExactlyInAnyOrderElementsOf(Scope.PLATFORM);
    }

    @Test
    void aSecretKeyHoldsTheCustomScopesItAsksForToo() {
        Set<Scope> expected = new LinkedHashSet<>(Scope.PLATFORM);
        expected.add(RESOURCES_READ);
        expected.add(JOBS_WRITE);

        assertThat(allowed(KeyScopes.forType(KeyType.SECRET, Set.of(RESOURCES_READ, JOBS_WRITE))))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void aRestrictedKeyHoldsExactlyItsList() {
        assertThat(allowed(KeyScopes.forType(KeyType.RESTRICTED, Set.of(Scope.KEYS_READ, JOBS_WRITE))))
                .containsExactlyInAnyOrder(Scope.KEYS_READ, JOBS_WRITE);
        assertThat(allowed(KeyScopes.forType(KeyType.RESTRICTED, Set.of(Scope.KEYS_VERIFY))))
                .containsExactly(Scope.KEYS_VERIFY);
    }

    @Test
    void aRestrictedKeyNeedsAtLeastOneScope() {
        assertThat(denied(KeyScopes.forType(KeyType.RESTRICTED, Set.of()))).contains("at least one");
    }

    @Test
    void aPublishableKeyHoldsItsReadScopes() {
        assertThat(allowed(KeyScopes.forType(KeyType.PUBLISHABLE, Set.of(Scope.KEYS_READ, RESOURCES_READ))))
                .containsExactlyInAnyOrder(Scope.KEYS_READ, RESOURCES_READ);
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys:write", "keys:verify", "webhooks:write", "jobs:write", "resources:readwrite",
            "resources:reader", "read:all"})
    void aPublishableKeyIsDeniedAnyOtherScopeByName(String scope) {
        String reason = denied(KeyScopes.forType(KeyType.PUBLISHABLE, Set.of(Scope.KEYS_READ, new Scope(scope))));

        assertThat(reason).contains(scope).contains("read");
    }

    @ParameterizedTest
    @ValueSource(strings = {"keys:delete", "keys:admin", "workspace:write", "members:write", "usage:write",
            "audit:delete", "webhooks:delete", "webhooks:verify"})
    void anUnknownScopeOnAPlatformResourceIsDeniedForEveryType(String value) {
        Scope scope = new Scope(value);
        assertThat(scope.isReservedButUnknown()).isTrue();

        for (KeyType type : KeyType.values()) {
            assertThat(denied(KeyScopes.forType(type, Set.of(Scope.KEYS_READ, scope))))
                    .as("%s asking for %s", type, value).contains(value);
        }
    }

    @Test
    void platformAndCustomScopesAreNotReserved() {
        assertThat(Scope.PLATFORM).noneMatch(Scope::isReservedButUnknown);
        assertThat(RESOURCES_READ.isReservedButUnknown()).isFalse();
        assertThat(new Scope("keysx:delete").isReservedButUnknown()).isFalse();
        assertThat(new Scope("mykeys:write").isReservedButUnknown()).isFalse();
        assertThat(new Scope("delete:keys").isReservedButUnknown()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(KeyType.class)
    void fiftyScopesAreTheMost(KeyType type) {
        Set<Scope> fifty = readScopes(50);
        Set<Scope> fiftyOne = readScopes(51);

        assertThat(KeyScopes.MAX_SCOPES).isEqualTo(50);
        assertThat(KeyScopes.forType(type, fifty)).isInstanceOf(Decision.Allowed.class);
        assertThat(denied(KeyScopes.forType(type, fiftyOne))).contains("50");
    }

    @Test
    void anAllowedDecisionCannotBeChangedAfterwards() {
        Set<Scope> requested = new LinkedHashSet<>(Set.of(JOBS_WRITE));
        Decision.Allowed decision = (Decision.Allowed) KeyScopes.forType(KeyType.RESTRICTED, requested);
        requested.add(Scope.KEYS_WRITE);

        assertThat(decision.scopes()).containsExactly(JOBS_WRITE);
        assertThatThrownBy(() -> decision.scopes().add(Scope.KEYS_WRITE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void firstNotHeldNamesTheFirstMissingScopeInSortedOrder() {
        Set<Scope> granted = Set.of(Scope.WEBHOOKS_WRITE, Scope.KEYS_WRITE, Scope.AUDIT_READ, JOBS_WRITE);

        assertThat(KeyScopes.firstNotHeld(granted, Set.of(Scope.AUDIT_READ))).contains(JOBS_WRITE);
        assertThat(KeyScopes.firstNotHeld(granted, Set.of(Scope.AUDIT_READ, JOBS_WRITE))).contains(Scope.KEYS_WRITE);
        assertThat(KeyScopes.firstNotHeld(granted, Set.of())).contains(Scope.AUDIT_READ);
        assertThat(KeyScopes.firstNotHeld(granted, granted)).isEmpty();
        assertThat(KeyScopes.firstNotHeld(Set.of(), Set.of())).isEmpty();
        assertThat(KeyScopes.firstNotHeld(Set.of(Scope.KEYS_READ), Set.copyOf(Scope.PLATFORM))).isEmpty();
    }

    private static Set<Scope> readScopes(int count) {
        return IntStream.range(0, count).mapToObj(i -> new Scope("resource" + i + ":read"))
                .collect(Collectors.toSet());
    }

    static Set<Scope> allowed(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Allowed.class);
        return ((Decision.Allowed) decision).scopes();
    }

    static String denied(Decision decision) {
        assertThat(decision).isInstanceOf(Decision.Denied.class);
        return ((Decision.Denied) decision).reason();
    }
}
