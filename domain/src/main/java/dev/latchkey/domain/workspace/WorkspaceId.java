package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.Ids;

import java.util.Objects;

/** {@code ws_…} */
public record WorkspaceId(String value) {

    public static final String PREFIX = "ws";

    public WorkspaceId {
        Objects.requireNonNull(value, "value");
    }

    public static WorkspaceId newId() {
        return new WorkspaceId(Ids.random(PREFIX));
    }

    @Override
    public String toString() {
        return value;
    }
}
