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
        assertThat(errorsOf("k3y-l0ck")).isEmpty();
    }

    @Test
    void nullOrEmptyIsTooShort() {
        assertThat(errorsOf(null)).hasSize(1).first().extracting(FieldError::message).asString().contains("at least 8");
        assertThat(errorsOf("")).hasSize(1);
    }

    @Test
    void seventyTwoBytesIsTheMaximum() {
        assertThat(errorsOf("ab".repeat(36))).isEmpty();
        assertThat(errorsOf("ab".repeat(36) + "c")).singleElement().extracting(FieldError::message).asString()
                .contains("at most 72 bytes");
    }

    @Test
    void theMaximumCountsUtf8BytesNotCharacters() {
        // '€' is 3 bytes in UTF-8
        assertThat(errorsOf("€".repeat(23) + "$")).as("70 bytes").isEmpty();
        assertThat(errorsOf("€".repeat(24) + "$")).as("73 bytes").singleElement().extracting(FieldError::message).asString()
                .contains("bytes");
    }

    @Test
    void theMinimumCountsCharactersNotUtf16Units() {
        // each emoji is one character but two UTF-16 code units (and four UTF-8 bytes)
        assertThat(errorsOf("🔑🔒".repeat(2))).hasSize(1);
        assertThat(errorsOf("🔑🔒".repeat(4))).isEmpty();
        assertThat(errorsOf("🔑🔒".repeat(9))).isEmpty();
        assertThat(errorsOf("🔑🔒".repeat(9) + "🔑")).hasSize(1);
    }

    @Test
    void theMostCommonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(errorsOf("password1")).singleElement().extracting(FieldError::message).asString()
                .contains("most common passwords");
        assertThat(errorsOf("Password123")).hasSize(1);
        assertThat(errorsOf(" QWERTYUIOP ")).as("surrounding blanks do not make it new").hasSize(1);
        assertThat(errorsOf("12345678")).hasSize(1);
        assertThat(errorsOf("password-of-mine")).isEmpty();
    }

    @Test
    void everyCommonPasswordIsLongEnoughToNeedTheList() {
        assertThat(Password.COMMON).allSatisfy(common -> {
            assertThat(common.length()).isGreaterThanOrEqualTo(Password.MIN_LENGTH);
            assertThat(common).isEqualTo(common.toLowerCase(java.util.Locale.ROOT));
        });
    }

    @Test
    void oneCharacterRepeatedIsRefused() {
        assertThat(errorsOf("zzzzzzzzzz")).singleElement().extracting(FieldError::message).asString()
                .contains("single character repeated");
        assertThat(errorsOf("zzzzzzzzzy")).isEmpty();
    }

    @Test
    void aTooShortPasswordGetsOneErrorNotAPileOfThem() {
        assertThat(errorsOf("aaaa")).singleElement().extracting(FieldError::message).asString()
                .contains("at least 8");
    }

    @Test
    void theUsersEmailOrItsLocalPartIsRefused() {
        Email email = new Email("Grace.Hopper@example.com");

        assertThat(errorsWithEmail("grace.hopper@example.com", email)).singleElement()
                .extracting(FieldError::message).asString().contains("email address");
        assertThat(errorsWithEmail("GRACE.HOPPER@EXAMPLE.COM", email)).hasSize(1);
        assertThat(errorsWithEmail("grace.hopper", email)).hasSize(1);
        assertThat(errorsWithEmail("grace.hopper.1906", email)).isEmpty();
        assertThat(errorsOf("grace.hopper@example.com")).as("without an email the rule is skipped").isEmpty();
    }

    private static List<FieldError> errorsWithEmail(String password, Email email) {
        ValidationException.Collector collector = new ValidationException.Collector();
        Password.validate(password, email, "newPassword", collector);
        ValidationException e = catchThrowableOfType(ValidationException.class, collector::throwIfAny);
        return e == null ? List.of() : e.errors();
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
