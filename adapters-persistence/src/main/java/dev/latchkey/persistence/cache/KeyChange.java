package dev.latchkey.persistence.cache;

import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyHash;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.Optional;

/**
 * What a node tells the others when a key changes: the key's hash (its lookup entry) and its workspace and
 * environment (their signing secrets). Sent as the payload of a PostgreSQL notification; it holds no secret, only
 * the one-way hash that the database stores anyway.
 */
public record KeyChange(KeyHash hash, WorkspaceId workspaceId, Environment environment) implements Announcement {

    /** The PostgreSQL channel every {@link Announcement} is sent on. */
    public static final String CHANNEL = "latchkey_key_changes";

    public static KeyChange of(ApiKey key) {
        return new KeyChange(key.hash(), key.workspaceId(), key.environment());
    }

    @Override
    public String payload() {
        return hash.hex() + " " + workspaceId.value() + " " + environment.code();
    }

    /** The change a payload names; empty for anything else (which the receiver answers by forgetting everything). */
    public static Optional<KeyChange> parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            return Environment.fromCode(parts[2])
                    .map(environment -> new KeyChange(new KeyHash(parts[0]), new WorkspaceId(parts[1]), environment));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
