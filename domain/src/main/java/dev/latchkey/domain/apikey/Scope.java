package dev.latchkey.domain.apikey;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** {@code resource:action}: lower-case letters, digits, '_' and '-' on each side (PRODUCT.md §1). */
public record Scope(String value) implements Comparable<Scope> {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9_-]{1,64}:[a-z0-9_-]{1,64}");

    public static final Scope WORKSPACE_READ = new Scope("workspace:read");
    public static final Scope KEYS_READ = new Scope("keys:read");
    public static final Scope KEYS_WRITE = new Scope("keys:write");
    public static final Scope KEYS_VERIFY = new Scope("keys:verify");
    public static final Scope MEMBERS_READ = new Scope("members:read");
    public static final Scope USAGE_READ = new Scope("usage:read");
    public static final Scope AUDIT_READ = new Scope("audit:read");
    public static final Scope WEBHOOKS_READ = new Scope("webhooks:read");
    public static final Scope WEBHOOKS_WRITE = new Scope("webhooks:write");

    /** The platform scopes, in the order PRODUCT.md lists them. */
    public static final List<Scope> PLATFORM = List.of(WORKSPACE_READ, KEYS_READ, KEYS_WRITE, KEYS_VERIFY,
            MEMBERS_READ, USAGE_READ, AUDIT_READ, WEBHOOKS_READ, WEBHOOKS_WRITE);

    public Scope {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a scope is resource:action in lower-case letters, digits, '_' and '-'");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORMAT.matcher(value).matches();
    }

    public boolean isPlatform() {
        return PLATFORM.contains(this);
    }

    /** A read scope ({@code *:read}): the only kind a publishable key may hold. */
    public boolean isRead() {
        return action().equals("read");
    }

    /**
     * A scope on a platform resource ({@code keys}, {@code members}, ...) that is not a platform scope, such as
     * {@code keys:delete}: refused, so that custom scopes never pose as platform ones.
     */
    public boolean isReservedButUnknown() {
        return !isPlatform() && PLATFORM.stream().anyMatch(platform -> platform.resource().equals(resource()));
    }

    public String resource() {
        return value.substring(0, value.indexOf(':'));
    }

    public String action() {
        return value.substring(value.indexOf(':') + 1);
    }

    public static SortedSet<Scope> sorted(Set<Scope> scopes) {
        TreeSet<Scope> sorted = new TreeSet<>(Comparator.naturalOrder());
        sorted.addAll(scopes);
        return sorted;
    }

    @Override
    public int compareTo(Scope other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
