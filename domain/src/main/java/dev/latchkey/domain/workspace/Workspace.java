package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.ValidationException;

import java.time.Instant;
import java.util.Objects;

/** The tenant: everything else belongs to exactly one workspace. */
public record Workspace(WorkspaceId id, String name, Plan plan, Instant createdAt) {

    public static final int MAX_NAME_LENGTH = 100;

    public Workspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new workspace starts on the FREE plan. */
    public static Workspace create(String name, Instant now) {
        return new Workspace(WorkspaceId.newId(), name.strip(), Plan.FREE, now);
    }

    /** Adds this field's problems with a proposed workspace name to {@code errors}. */
    public static void validateName(String name, String field, ValidationException.Collector errors) {
        String stripped = name == null ? "" : name.strip();
        errors.check(!stripped.isEmpty(), field, "must not be blank")
                .check(stripped.length() <= MAX_NAME_LENGTH, field,
                        "must be at most " + MAX_NAME_LENGTH + " characters")
                .check(stripped.chars().noneMatch(Character::isISOControl), field,
                        "must not contain control characters");
    }
}
