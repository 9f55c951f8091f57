package dev.latchkey.application.port.in;

import dev.latchkey.application.port.in.VerifyApiKeyUseCase.Verification;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase.VerifyCode;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase.VerifyCommand;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class VerifyCommandTest {

    private static final String KEY = "sk_live_04j0IlD5V6V1Og1b8OWUj9IKdD3aBxZI";

    private static List<String> fieldsOf(Runnable parse) {
        ValidationException e = catchThrowableOfType(ValidationException.class, parse::run);
        assertThat(e).as("the command must be refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void keyAndScopesAreParsed() {
        VerifyCommand command = VerifyCommand.parse(KEY, List.of("resources:read", "keys:read"), "203.0.113.9");

        assertThat(command.key()).isEqualTo(KEY);
        assertThat(command.scopes()).containsExactlyInAnyOrder(new Scope("resources:read"), Scope.KEYS_READ);
        assertThat(command.clientAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void anEmptyScopeListChecksNoScope() {
        assertThat(VerifyCommand.parse(KEY, List.of(), null).scopes()).isEmpty();
    }

    @Test
    void aMalformedKeyIsNotAValidationErrorButAnAnswerLater() {
        assertThat(VerifyCommand.parse("not a key", List.of(), null).key()).isEqualTo("not a key");
    }

    @Test
    void keyAndScopesAreRequired() {
        assertThat(fieldsOf(() -> VerifyCommand.parse(null, null, null))).containsExactly("key", "scopes");
        assertThat(fieldsOf(() -> VerifyCommand.parse(KEY, null, null))).containsExactly("scopes");
        assertThat(fieldsOf(() -> VerifyCommand.parse(null, List.of(), null))).containsExactly("key");
    }

    @Test
    void anInvalidScopeIsReportedAtItsIndex() {
        assertThat(fieldsOf(() -> VerifyCommand.parse(KEY, List.of("resources:read", "Resources"), null)))
                .containsExactly("scopes[1]");
    }

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(VerifyCommand.parse(KEY, List.of("a:read"), null).toString()).doesNotContain(KEY).contains("a:read");
    }

    @Test
    void onlyValidIsValid() {
        for (VerifyCode code : VerifyCode.values()) {
            assertThat(new Verification(code, null, null).valid()).as(code.name()).isEqualTo(code == VerifyCode.VALID);
        }
    }
}
