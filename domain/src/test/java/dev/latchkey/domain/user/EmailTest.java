package dev.latchkey.domain.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailTest {

    @Test
    void isTrimmedAndLowerCased() {
        assertThat(new Email("  Alice.Smith@Example.COM \t").value()).isEqualTo("alice.smith@example.com");
        assertThat(new Email("Alice@Example.com")).isEqualTo(new Email("alice@example.com"));
        assertThat(new Email("Alice@Example.com")).hasToString("alice@example.com");
    }

    @Test
    void lowerCasingDoesNotDependOnTheDefaultLocale() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(new Email("ISAAC@EXAMPLE.COM").value()).isEqualTo("isaac@example.com");
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@sub.example.org", "x_y-z@example.travel", "ÿ@exämple.de"})
    void acceptsOrdinaryAddresses(String value) {
        assertThat(Email.isValid(value)).isTrue();
        assertThat(new Email(value).value()).isEqualTo(value.toLowerCase(java.util.Locale.ROOT));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "plainaddress", "a@b", "@example.com", "a@@example.com", "a@b@example.com",
            "a b@example.com", "alice@exa mple.com", "alice@.com", "alice@example.", "alice@example..com",
            "a\u0000b@example.com", "alice@exam\u0007ple.com", "ali\u007fce@example.com"})
    void rejectsWhatIsNotAnAddress(String value) {
        assertThat(Email.isValid(value)).isFalse();
        assertThatThrownBy(() -> new Email(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localPartIsAtMost64Characters() {
        assertThat(Email.isValid("a".repeat(64) + "@example.com")).isTrue();
        assertThat(Email.isValid("a".repeat(65) + "@example.com")).isFalse();
    }

    @Test
    void wholeAddressIsAtMost254Characters() {
        String domain = "d".repeat(60) + "." + "e".repeat(60) + "." + "f".repeat(60) + "." + "g".repeat(50) + ".com";
        String fits = "a".repeat(254 - domain.length() - 1) + "@" + domain;
        assertThat(fits).hasSize(254);
        assertThat(Email.isValid(fits)).isTrue();
        assertThat(Email.isValid("a" + fits)).isFalse();
    }

    @Test
    void aUserPrintsNoPasswordHash() {
        User user = User.create(new Email("a@b.co"), new PasswordHash("$2a$10$secret-hash"), Instant.EPOCH);

        assertThat(user.toString()).doesNotContain("secret-hash");
        assertThat(user.id().value()).startsWith("usr_");
        assertThat(user.createdAt()).isEqualTo(Instant.EPOCH);
    }
}
