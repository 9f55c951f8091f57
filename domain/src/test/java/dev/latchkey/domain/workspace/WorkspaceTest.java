package dev.latchkey.domain.workspace;

import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkspaceTest {

    private static List<FieldError> errorsOf(String name) {
        ValidationException.Collector collector = new ValidationException.Collector();
        Workspace.validateName(name, "workspaceName", collector);
        ValidationException e = catchThrowableOfType(ValidationException.class, collector::throwIfAny);
        return e == null ? List.of() : e.errors();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "   \t\n", "\u2003"})
    void blankNameIsRejected(String name) {
        assertThat(errorsOf(name)).singleElement().isEqualTo(new FieldError("workspaceName", "must not be blank"));
    }

    @Test
    void nameUpTo100CharactersIsAccepted() {
        assertThat(errorsOf("A")).isEmpty();
        assertThat(errorsOf("Acme Inc.")).isEmpty();
        assertThat(errorsOf("x".repeat(100))).isEmpty();
        assertThat(errorsOf("  " + "x".repeat(100) + "  ")).as("surrounding spaces are not counted").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ac\u0000me", "Acme\u001b[31m", "Ac\u0085me"})
    void controlCharactersAreRejected(String name) {
        assertThat(errorsOf(name)).singleElement()
                .isEqualTo(new FieldError("workspaceName", "must not contain control characters"));
    }

    @Test
    void nameLongerThan100CharactersIsRejected() {
        assertThat(errorsOf("x".repeat(101))).singleElement().extracting(FieldError::message).asString()
                .contains("at most 100");
    }

    @Test
    void aNewWorkspaceIsFreeWithAStrippedName() {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        Workspace workspace = Workspace.create("  Acme  ", now);

        assertThat(workspace.name()).isEqualTo("Acme");
        assertThat(workspace.plan()).isEqualTo(Plan.FREE);
        assertThat(workspace.createdAt()).isEqualTo(now);
        assertThat(workspace.id().value()).matches("ws_[0-9A-Za-z]{22}");
    }

    @Test
    void onlyMembersCannotManageKeys() {
        assertThat(Role.OWNER.canManageKeys()).isTrue();
        assertThat(Role.ADMIN.canManageKeys()).isTrue();
        assertThat(Role.MEMBER.canManageKeys()).isFalse();
    }
}
