package dev.latchkey.web.workspace;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.workspace.Workspace;

import java.time.Instant;

/** PRODUCT.md §12 workspace; {@code environment} is the caller's. */
public record WorkspaceResponse(String id, String name, String plan, String environment, Instant createdAt) {

    public static WorkspaceResponse from(Workspace workspace, Environment environment) {
        return new WorkspaceResponse(workspace.id().value(), workspace.name(), workspace.plan().name(),
                environment.code(), workspace.createdAt());
    }
}
