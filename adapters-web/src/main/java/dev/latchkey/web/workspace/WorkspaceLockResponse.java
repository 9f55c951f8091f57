package dev.latchkey.web.workspace;

import dev.latchkey.application.port.in.LockWorkspaceUseCase.WorkspaceLock;
import dev.latchkey.domain.apikey.Environment;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * The kill switch's answer: the workspace as {@code GET /v1/workspace} shows it (PRODUCT.md §12; {@code environment}
 * is the caller's), plus whether its live keys are locked and since when.
 */
@Schema(name = "WorkspaceLock")
public record WorkspaceLockResponse(
        @Schema(example = "ws_4eC39HqLyjWDarjtT1zdp7") String id,
        String name,
        @Schema(allowableValues = {"FREE", "PRO", "SCALE", "ENTERPRISE"}) String plan,
        @Schema(allowableValues = {"live", "test"}) String environment,
        Instant createdAt,
        @Schema(description = "Whether every live key of the workspace is refused (`workspace_locked`)")
        boolean locked,
        @Schema(types = {"string", "null"}, format = "date-time", description = "Since when; null when not locked")
        Instant lockedAt) {

    public static WorkspaceLockResponse from(WorkspaceLock lock, Environment environment) {
        return new WorkspaceLockResponse(lock.workspace().id().value(), lock.workspace().name(),
                lock.workspace().plan().name(), environment.code(), lock.workspace().createdAt(), lock.locked(),
                lock.lockedAt());
    }
}
