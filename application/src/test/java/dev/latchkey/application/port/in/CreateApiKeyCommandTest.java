package dev.latchkey.application.port.in;

import dev.latchkey.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CreateApiKeyCommandTest {

    private static final Instant EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    private static List<String> fieldsOf(Runnable parse) {
        ValidationException e = catchThrowableOfType(ValidationException.class, parse::run);
        assertThat(e).as("the command must be refused").isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aCompleteRequestIsParsed() {
        CreateApiKeyCommand command = CreateApiKeyCommand.parse("  Billing backend  ", "rk", "live",
                List.of("keys:read", "jobs:write"), 120, EXPIRY, List.of("10.1.2.3/8", "2001:db8::1"), false);

        assertThat(command.name()).isEqualTo("Billing backend");
        assertThat(command.type()).isEqualTo(KeyType.RESTRICTED);
        assertThat(command.environment()).contains(Environment.LIVE);
        assertThat(command.scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, new Scope("jobs:write"));
        assertThat(command.rateLimitPerMinute()).contains(120);
        assertThat(command.expiresAt()).isEqualTo(EXPIRY);
        assertThat(command.ipAllowlist()).containsExactly(IpRange.parse("10.0.0.0/8"), IpRange.parse("2001:db8::1"));
        assertThat(command.signing()).isFalse();
    }

    @Test
    void absentOptionalFieldsAreEmpty() {
        CreateApiKeyCommand command = CreateApiKeyCommand.parse("ci", "sk", null, null, null, null, null, null);

        assertThat(command.type()).isEqualTo(KeyType.SECRET);
        assertThat(command.environment()).isEmpty();
        assertThat(command.scopes()).isEmpty();
        assertThat(command.rateLimitPerMinute()).isEmpty();
        assertThat(command.expiresAt()).isNull();
        assertThat(command.ipAllowlist()).isEmpty();
        assertThat(command.signing()).isFalse();
    }

    @Test
    void typeAndEnvironmentAreCaseInsensitiveAndStripped() {
        CreateApiKeyCommand command = CreateApiKeyCommand.parse("x", " PK ", " Test ", List.of(), null, null, null, null);

        assertThat(command.type()).isEqualTo(KeyType.PUBLISHABLE);
        assertThat(command.environment()).contains(Environment.TEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "xk", "secret", "s k"})
    void anUnknownTypeIsReportedOnType(String type) {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", type, null, null, null, null, null, null)))
                .containsExactly("type");
    }

    @Test
    void aMissingTypeIsReportedOnType() {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", null, null, null, null, null, null, null)))
                .containsExactly("type");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "prod", "both", "lives"})
    void anUnknownEnvironmentIsReportedOnEnvironment(String environment) {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "sk", environment, null, null, null, null, null)))
                .containsExactly("environment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankNameIsReportedOnName(String name) {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse(name, "sk", null, null, null, null, null, null)))
                .containsExactly("name");
    }

    @Test
    void aMissingNameIsReportedOnName() {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse(null, "sk", null, null, null, null, null, null)))
                .containsExactly("name");
    }

    @Test
    void aNameOfAHundredCharactersIsFineButNotOneMore() {
        String hundred = "n".repeat(100);
        assertThat(CreateApiKeyCommand.parse(hundred, "sk", null, null, null, null, null, null).name())
                .isEqualTo(hundred);
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse(hundred + "n", "sk", null, null, null, null, null, null)))
                .containsExactly("name");
    }

    @Test
    void aNameWithControlCharactersIsRefused() {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("bad\u0000name", "sk", null, null, null, null, null, null)))
                .containsExactly("name");
    }

    @Test
    void eachInvalidScopeIsReportedAtItsIndex() {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "rk", null,
                List.of("keys:read", "Keys:Read", "nocolon", "jobs:write", "a:b:c"), null, null, null, null)))
                .containsExactly("scopes[1]", "scopes[2]", "scopes[4]");
    }

    @Test
    void aNullScopeIsReportedAtItsIndex() {
        List<String> scopes = new ArrayList<>();
        scopes.add("keys:read");
        scopes.add(null);
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "rk", null, scopes, null, null, null, null)))
                .containsExactly("scopes[1]");
    }

    @Test
    void moreThanFiftyScopesAreRefused() {
        List<String> fifty = IntStream.range(0, 50).mapToObj(i -> "res" + i + ":read").toList();
        List<String> fiftyOne = IntStream.range(0, 51).mapToObj(i -> "res" + i + ":read").toList();

        assertThat(CreateApiKeyCommand.parse("x", "rk", null, fifty, null, null, null, null).scopes()).hasSize(50);
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "rk", null, fiftyOne, null, null, null, null)))
                .containsExactly("scopes");
    }

    @Test
    void duplicateScopesCollapse() {
        assertThat(CreateApiKeyCommand.parse("x", "rk", null, List.of("keys:read", "keys:read"), null, null, null, null)
                .scopes()).containsExactly(Scope.KEYS_READ);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aRateLimitMustBePositive(int rateLimit) {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "sk", null, null, rateLimit, null, null, null)))
                .containsExactly("rateLimit.requestsPerMinute");
    }

    @Test
    void eachInvalidIpRangeIsReportedAtItsIndex() {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "sk", null, null, null, null,
                List.of("203.0.113.0/24", "example.com", "10.0.0.0/33", "256.1.1.1"), null)))
                .containsExactly("ipAllowlist[1]", "ipAllowlist[2]", "ipAllowlist[3]");
    }

    @Test
    void duplicateIpRangesCollapseAfterClearingHostBits() {
        CreateApiKeyCommand command = CreateApiKeyCommand.parse("x", "sk", null, null, null, null,
                List.of("10.1.2.3/8", "10.0.0.0/8", "192.0.2.1"), null);

        assertThat(command.ipAllowlist()).containsExactly(IpRange.parse("10.0.0.0/8"), IpRange.parse("192.0.2.1/32"));
    }

    @Test
    void moreThanAHundredIpRangesAreRefused() {
        List<String> many = IntStream.range(0, 101).mapToObj(i -> "10.0." + (i / 256) + "." + (i % 256)).toList();

        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "sk", null, null, null, null, many, null)))
                .containsExactly("ipAllowlist");
    }

    @Test
    void onlySecretKeysMaySign() {
        assertThat(CreateApiKeyCommand.parse("x", "sk", null, null, null, null, null, true).signing()).isTrue();
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "rk", null, List.of("keys:read"), null, null, null,
                true))).containsExactly("signing");
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse("x", "pk", null, null, null, null, null, true)))
                .containsExactly("signing");
    }

    @Test
    void signingFalseOrAbsentIsNotSigning() {
        assertThat(CreateApiKeyCommand.parse("x", "pk", null, null, null, null, null, false).signing()).isFalse();
        assertThat(CreateApiKeyCommand.parse("x", "pk", null, null, null, null, null, null).signing()).isFalse();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        assertThat(fieldsOf(() -> CreateApiKeyCommand.parse(" ", "zk", "staging", List.of("BAD"), 0, null,
                List.of("nope"), true)))
                .containsExactlyInAnyOrder("name", "type", "environment", "scopes[0]", "rateLimit.requestsPerMinute",
                        "ipAllowlist[0]");
    }

    @Test
    void theCommandIsImmutable() {
        List<String> scopes = new ArrayList<>(List.of("keys:read"));
        CreateApiKeyCommand command = CreateApiKeyCommand.parse("x", "rk", null, scopes, null, null, null, null);
        scopes.add("keys:write");

        assertThat(command.scopes()).containsExactly(Scope.KEYS_READ);
        assertThat(catchThrowableOfType(UnsupportedOperationException.class,
                () -> command.scopes().add(Scope.KEYS_WRITE))).isNotNull();
    }
}
