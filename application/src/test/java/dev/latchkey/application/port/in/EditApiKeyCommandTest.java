package dev.latchkey.application.port.in;

import dev.latchkey.application.port.in.ManageApiKeysUseCase.EditApiKeyCommand;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class EditApiKeyCommandTest {

    private static List<String> fieldsOf(Runnable parse) {
        ValidationException e = catchThrowableOfType(ValidationException.class, parse::run);
        assertThat(e).as("the command must be refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void anEmptyPatchChangesNothing() {
        EditApiKeyCommand command = EditApiKeyCommand.parse(null, null, null, null, List.of());

        assertThat(command.name()).isEmpty();
        assertThat(command.scopes()).isEmpty();
        assertThat(command.rateLimitPerMinute()).isEmpty();
        assertThat(command.ipAllowlist()).isEmpty();
    }

    @Test
    void presentFieldsAreParsed() {
        EditApiKeyCommand command = EditApiKeyCommand.parse(" renamed ", List.of("keys:read", "jobs:run"), 30,
                List.of("198.51.100.7"), List.of());

        assertThat(command.name()).contains("renamed");
        assertThat(command.scopes()).hasValueSatisfying(scopes ->
                assertThat(scopes).containsExactlyInAnyOrder(Scope.KEYS_READ, new Scope("jobs:run")));
        assertThat(command.rateLimitPerMinute()).contains(30);
        assertThat(command.ipAllowlist()).contains(List.of(IpRange.parse("198.51.100.7/32")));
    }

    @Test
    void emptyListsArePresentAndClearTheField() {
        EditApiKeyCommand command = EditApiKeyCommand.parse(null, List.of(), null, List.of(), List.of());

        assertThat(command.scopes()).hasValueSatisfying(scopes -> assertThat(scopes).isEmpty());
        assertThat(command.ipAllowlist()).hasValueSatisfying(ranges -> assertThat(ranges).isEmpty());
    }

    @Test
    void aPresentButBlankNameIsRefused() {
        assertThat(fieldsOf(() -> EditApiKeyCommand.parse("  ", null, null, null, List.of()))).containsExactly("name");
    }

    @Test
    void immutableFieldsAreEachReported() {
        assertThat(fieldsOf(() -> EditApiKeyCommand.parse("ok", null, null, null,
                List.of("type", "environment", "signing")))).containsExactly("type", "environment", "signing");
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThat(fieldsOf(() -> EditApiKeyCommand.parse("", List.of("ok:read", "NOT OK"), -5, List.of("x.y"),
                List.of("expiresAt"))))
                .containsExactlyInAnyOrder("expiresAt", "name", "scopes[1]", "rateLimit.requestsPerMinute",
                        "ipAllowlist[0]");
    }

    @Test
    void aZeroRateLimitIsRefused() {
        assertThat(fieldsOf(() -> EditApiKeyCommand.parse(null, null, 0, null, List.of())))
                .containsExactly("rateLimit.requestsPerMinute");
    }
}
