package dev.latchkey.domain.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a new key is to be: its writable fields (PRODUCT.md §12), already checked against the key-type rules
 * (see {@link KeyScopes#forType}).
 */
public record KeySpec(String name, KeyType type, Environment environment, Set<Scope> scopes, int rateLimitPerMinute,
                      Instant expiresAt, List<IpRange> ipAllowlist, boolean signing) {

    public KeySpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(environment, "environment");
        scopes = Set.copyOf(scopes);
        ipAllowlist = List.copyOf(ipAllowlist);
        if (signing && type != KeyType.SECRET) {
            throw new IllegalArgumentException("only secret keys sign requests");
        }
    }
}
