package dev.latchkey.domain.user;

import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PasswordTest {

    private static List<FieldError> errorsOf(String password) {
        ValidationException.Collector collector = new ValidationException.Collector();
        Password.validate(password, "password", collector);
        ValidationException e = catchThrowableOfType(ValidationException.class, collector::throwIfAny);
        return e == null ? List.of() : e.errors();
    }

    @Test
    void eightCharactersIsTheMinimum() {
        assertThat(errorsOf("1234567")).extracting(FieldError::field).containsExactly("password");
        assertThat(errorsOf("1234567").getFirst().message()).contains("at least 8");
        assertThat(errorsOf("12345678")).isEmpty();
    }

    @Test
    void nullOrEmptyIsTooShort() {
        assertThat(errorsOf(null)).hasSize(1).first().extracting(FieldError::message).asString().contains("at least 8");
        assertThat(errorsOf("")).hasSize(1);
    }

    @Test
    void seventyTwoBytesIsTheMaximum() {
        assertThat(errorsOf("a".repeat(72))).isEmpty();
        assertThat(errorsOf("a".repeat(73))).singleElement().extracting(FieldError::message).asString()
                .contains("at most 72 bytes");
    }

    @Test
    void theMaximumCountsUtf8BytesNotCharacters() {
        // '€' is 3 bytes in UTF-8
        assertThat(errorsOf("€".repeat(24))).isEmpty();
        assertThat(errorsOf("€".repeat(25))).singleElement().extracting(FieldError::message).asString()
                .contains("bytes");
    }

    @Test
    void theMinimumCountsCharactersNotUtf16Units() {
        // each emoji is one character but two UTF-16 code units (and four UTF-8 bytes)
        assertThat(errorsOf("🔑".repeat(4))).hasSize(1);
        assertThat(errorsOf("🔑".repeat(8))).isEmpty();
        assertThat(errorsOf("🔑".repeat(18))).isEmpty();
        assertThat(errorsOf("🔑".repeat(19))).hasSize(1);
    }

    @Test
    void errorsNameTheGivenField() {
        ValidationException.Collector collector = new ValidationException.Collector();
        Password.validate("short", "newPassword", collector);
        ValidationException e = catchThrowableOfType(ValidationException.class, collector::throwIfAny);

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("newPassword");
    }

    @Test
    void aPasswordHashNeverPrintsItsValue() {
        assertThat(new PasswordHash("$2a$10$abcdef").toString()).doesNotContain("abcdef");
    }
}
