package dev.latchkey.application.port.in;

import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared field rules, directly: what create, edit and verify report comes from here. */
class KeyFieldsTest {

    private final ValidationException.Collector errors = new ValidationException.Collector();

    private List<FieldError> reported() {
        ValidationException e = catchThrowableOfType(ValidationException.class, errors::throwIfAny);
        return e == null ? List.of() : e.errors();
    }

    @Test
    void aNameIsStripped() {
        assertThat(KeyFields.name("  ci deploy \n", errors)).isEqualTo("ci deploy");
        assertThat(reported()).isEmpty();
    }

    @Test
    void aNameThatIsBlankAndTooLongCannotBeBoth() {
        KeyFields.name(null, errors);
        assertThat(reported()).extracting(FieldError::field).containsExactly("name");
    }

    @Test
    void nullListsAreEmptyWithoutErrors() {
        assertThat(KeyFields.scopes(null, errors)).isEmpty();
        assertThat(KeyFields.ipAllowlist(null, errors)).isEmpty();
        KeyFields.rateLimit(null, errors);
        assertThat(reported()).isEmpty();
    }

    @Test
    void scopesKeepTheirOrderAndDropDuplicates() {
        assertThat(KeyFields.scopes(List.of("b:read", "a:read", "b:read"), errors))
                .containsExactly(new Scope("b:read"), new Scope("a:read"));
        assertThat(reported()).isEmpty();
    }

    @Test
    void anInvalidRangeCarriesTheParserMessage() {
        KeyFields.ipAllowlist(List.of("1.2.3.4", "not-an-ip"), errors);

        assertThat(reported()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("ipAllowlist[1]");
            assertThat(error.message()).contains("not-an-ip");
        });
    }

    @Test
    void theRateLimitFieldIsNamedAsInJson() {
        KeyFields.rateLimit(0, errors);

        assertThat(KeyFields.RATE_LIMIT).isEqualTo("rateLimit.requestsPerMinute");
        assertThat(reported()).extracting(FieldError::field).containsExactly("rateLimit.requestsPerMinute");
    }

    @Test
    void rangesAreParsedIntoCidrBlocks() {
        assertThat(KeyFields.ipAllowlist(List.of(" 192.0.2.0/24 "), errors)).containsExactly(IpRange.parse("192.0.2.0/24"));
    }
}
