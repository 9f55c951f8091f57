package dev.latchkey.domain.apikey;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The scope rules of the three key types (PRODUCT.md §1, §5): a secret key holds every platform scope (plus the
 * custom scopes it is given), a restricted key holds exactly its explicit list, a publishable key holds read scopes
 * only. And a key never grants a scope its creator lacks.
 */
public final class KeyScopes {

    public static final int MAX_SCOPES = 50;

    private KeyScopes() {
    }

    /** The decision on a requested scope list for a key type. */
    public sealed interface Decision {
        record Allowed(Set<Scope> scopes) implements Decision {
            public Allowed {
                scopes = Set.copyOf(scopes);
            }
        }

        record Denied(String reason) implements Decision {
        }
    }

    /** The scopes a key of {@code type} holds when {@code requested} are asked for. */
    public static Decision forType(KeyType type, Set<Scope> requested) {
        if (requested.size() > MAX_SCOPES) {
            return new Decision.Denied("at most " + MAX_SCOPES + " scopes");
        }
        for (Scope scope : requested) {
            if (scope.isReservedButUnknown()) {
                return new Decision.Denied(scope + " is not a platform scope; platform scopes are "
                        + String.join(", ", Scope.PLATFORM.stream().map(Scope::value).toList()));
            }
        }
        return switch (type) {
            case SECRET -> {
                Set<Scope> all = new LinkedHashSet<>(Scope.PLATFORM);
                all.addAll(requested);
                yield new Decision.Allowed(all);
            }
            case RESTRICTED -> requested.isEmpty()
                    ? new Decision.Denied("a restricted key needs at least one scope")
                    : new Decision.Allowed(requested);
            case PUBLISHABLE -> requested.stream().filter(scope -> !scope.isRead()).findFirst()
                    .<Decision>map(scope -> new Decision.Denied("publishable keys hold read scopes only, not " + scope))
                    .orElseGet(() -> new Decision.Allowed(requested));
        };
    }

    /** The first scope of {@code granted} (in sorted order) that {@code held} lacks, if any. */
    public static Optional<Scope> firstNotHeld(Set<Scope> granted, Set<Scope> held) {
        return Scope.sorted(granted).stream().filter(scope -> !held.contains(scope)).findFirst();
    }
}
