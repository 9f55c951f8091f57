package dev.latchkey.persistence;

import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;

import java.time.Instant;

public record WorkspaceRow(String id, String name, String plan, Instant createdAt) {

    static WorkspaceRow from(Workspace workspace) {
        return new WorkspaceRow(workspace.id().value(), workspace.name(), workspace.plan().name(),
                workspace.createdAt());
    }

    Workspace toDomain() {
        return new Workspace(new WorkspaceId(id), name, Plan.valueOf(plan), createdAt);
    }
}
