package dev.latchkey.persistence.cache;

import dev.latchkey.domain.common.Ids;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.util.Optional;

/** A workspace's kill switch changed (locked or unlocked): every node forgets what it knew of that workspace's lock. */
public record WorkspaceChange(WorkspaceId workspaceId) implements Announcement {

    static final String KIND = "workspace";

    @Override
    public String payload() {
        return KIND + " " + workspaceId.value();
    }

    /** The change a payload names; empty for anything else. */
    public static Optional<WorkspaceChange> parse(String payload) {
        String[] parts = payload == null ? new String[0] : payload.split(" ", -1);
        if (parts.length != 2 || !parts[0].equals(KIND) || !Ids.looksLike(WorkspaceId.PREFIX, parts[1])) {
            return Optional.empty();
        }
        return Optional.of(new WorkspaceChange(new WorkspaceId(parts[1])));
    }
}
