package dev.latchkey.domain.apikey;

import dev.latchkey.domain.apikey.KeyScopes.Decision;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class KeyScopesProperties {

    @Provide
    Arbitrary<Scope> scope() {
        Arbitrary<Scope> platform = Arbitraries.of(Scope.PLATFORM);
        Arbitrary<Scope> reservedButUnknown = Arbitraries.of("keys:delete", "workspace:write", "members:write",
                "audit:write", "usage:reset").map(Scope::new);
        Arbitrary<Scope> custom = Arbitraries.of("resources", "jobs", "files", "billing", "read")
                .flatMap(resource -> Arbitraries.of("read", "write", "delete", "admin", "reader")
                        .map(action -> new Scope(resource + ":" + action)));
        Arbitrary<Scope> many = Arbitraries.integers().between(0, 80)
                .flatMap(i -> Arbitraries.of("read", "write").map(action -> new Scope("r" + i + ":" + action)));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, platform),
                net.jqwik.api.Tuple.of(1, reservedButUnknown),
                net.jqwik.api.Tuple.of(3, custom),
                net.jqwik.api.Tuple.of(3, many));
    }

    @Provide
    Arbitrary<Set<Scope>> scopes() {
        return scope().set().ofMaxSize(60);
    }

    @Property
    void anAllowedPublishableKeyHoldsOnlyTheReadScopesItAskedFor(@ForAll("scopes") Set<Scope> requested) {
        Decision decision = KeyScopes.forType(KeyType.PUBLISHABLE, requested);

        boolean acceptable = requested.size() <= KeyScopes.MAX_SCOPES && requested.stream().allMatch(Scope::isRead)
                && requested.stream().noneMatch(Scope::isReservedButUnknown);
        assertThat(decision instanceof Decision.Allowed).isEqualTo(acceptable);
        if (decision instanceof Decision.Allowed allowed) {
            assertThat(allowed.scopes()).allMatch(Scope::isRead).isEqualTo(requested);
        }
    }

    @Property
    void anAllowedRestrictedKeyHoldsExactlyItsNonEmptyList(@ForAll("scopes") Set<Scope> requested) {
        Decision decision = KeyScopes.forType(KeyType.RESTRICTED, requested);

        boolean acceptable = !requested.isEmpty() && requested.size() <= KeyScopes.MAX_SCOPES
                && requested.stream().noneMatch(Scope::isReservedButUnknown);
        assertThat(decision instanceof Decision.Allowed).isEqualTo(acceptable);
        if (decision instanceof Decision.Allowed allowed) {
            assertThat(allowed.scopes()).isEqualTo(requested);
        }
    }

    @Property
    void anAllowedSecretKeyHoldsThePlatformScopesAndItsCustomOnes(@ForAll("scopes") Set<Scope> requested) {
        Decision decision = KeyScopes.forType(KeyType.SECRET, requested);

        boolean acceptable = requested.size() <= KeyScopes.MAX_SCOPES
                && requested.stream().noneMatch(Scope::isReservedButUnknown);
        assertThat(decision instanceof Decision.Allowed).isEqualTo(acceptable);
        if (decision instanceof Decision.Allowed allowed) {
            Set<Scope> expected = new HashSet<>(Scope.PLATFORM);
            expected.addAll(requested);
            assertThat(allowed.scopes()).isEqualTo(expected);
        }
    }

    @Property
    void noDecisionLetsAReservedButUnknownScopeThrough(@ForAll("scopes") Set<Scope> requested,
                                                        @ForAll KeyType type) {
        if (KeyScopes.forType(type, requested) instanceof Decision.Allowed allowed) {
            assertThat(allowed.scopes()).noneMatch(Scope::isReservedButUnknown);
        }
    }

    @Property
    void firstNotHeldIsEmptyExactlyWhenGrantedIsASubsetOfHeld(@ForAll("scopes") Set<Scope> granted,
                                                              @ForAll("scopes") Set<Scope> held) {
        var missing = KeyScopes.firstNotHeld(granted, held);

        assertThat(missing.isEmpty()).isEqualTo(held.containsAll(granted));
        missing.ifPresent(scope -> {
            assertThat(granted).contains(scope);
            assertThat(held).doesNotContain(scope);
            assertThat(granted.stream().filter(s -> !held.contains(s)).min(Scope::compareTo)).contains(scope);
        });
    }

    @Property
    void aSubsetOfHeldIsAlwaysHeld(@ForAll("scopes") Set<Scope> held, @ForAll long seed) {
        List<Scope> list = List.copyOf(held);
        java.util.Random random = new java.util.Random(seed);
        Set<Scope> granted = new HashSet<>();
        list.forEach(scope -> {
            if (random.nextBoolean()) {
                granted.add(scope);
            }
        });

        assertThat(KeyScopes.firstNotHeld(granted, held)).isEmpty();
    }
}
