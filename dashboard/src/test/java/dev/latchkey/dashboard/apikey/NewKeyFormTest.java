package dev.latchkey.dashboard.apikey;

import dev.latchkey.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class NewKeyFormTest {

    @Test
    void theFormBecomesTheUseCasesCommand() {
        NewKeyForm form = NewKeyForm.defaults("live");
        form.setName("  Reporting ");
        form.setType("rk");
        form.setScopes(List.of("keys:read"));
        form.setCustomScopes("resources:read, jobs:write keys:read");
        form.setRateLimit("120");
        form.setExpiresAt("2999-12-31T23:59");
        form.setIpAllowlist("203.0.113.0/24\n\n  2001:db8::/32  \n");

        CreateApiKeyCommand command = form.command();

        assertThat(command.name()).isEqualTo("Reporting");
        assertThat(command.type()).isEqualTo(KeyType.RESTRICTED);
        assertThat(command.environment()).contains(Environment.LIVE);
        assertThat(command.scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, new Scope("resources:read"),
                new Scope("jobs:write"));
        assertThat(command.rateLimitPerMinute()).contains(120);
        assertThat(command.expiresAt()).isEqualTo(Instant.parse("2999-12-31T23:59:00Z"));
        assertThat(command.ipAllowlist()).extracting(IpRange::toString).containsExactly("203.0.113.0/24", "2001:db8::/32");
        assertThat(command.signing()).isFalse();
    }

    @Test
    void emptyOptionalFieldsAreAbsent() {
        NewKeyForm form = NewKeyForm.defaults("test");
        form.setName("Default");

        CreateApiKeyCommand command = form.command();

        assertThat(command.type()).isEqualTo(KeyType.SECRET);
        assertThat(command.rateLimitPerMinute()).isEqualTo(Optional.empty());
        assertThat(command.expiresAt()).isNull();
        assertThat(command.ipAllowlist()).isEmpty();
    }

    @Test
    void everyErrorIsASentenceNextToItsField() {
        NewKeyForm form = NewKeyForm.defaults("test");
        form.setName(" ");
        form.setCustomScopes("Bad, jobs:Write");
        form.setRateLimit("lots");
        form.setExpiresAt("tomorrow");
        form.setIpAllowlist("10.0.0.0/8\n\n10.0.0.300/8");
        form.setType("pk");
        form.setSigning(true);

        ValidationException invalid = catchThrowableOfType(ValidationException.class, form::command);
        Map<String, String> messages = form.messages(invalid.errors());

        assertThat(messages).containsEntry("name", "Name must not be blank.")
                .containsEntry("rateLimit", "Rate limit must be a whole number of requests per minute.")
                .containsEntry("expiresAt", "Expiry must be a date and time such as 2026-12-31T23:59 (UTC).")
                .containsEntry("signing", "Only secret (sk) keys can sign requests.")
                .containsEntry("ipAllowlist", "Line 3: '10.0.0.300/8' is not an IPv4 or IPv6 address or CIDR block.");
        assertThat(messages.get("customScopes")).startsWith("Scope 'Bad' must be resource:action")
                .contains("Scope 'jobs:Write' must be");
        assertThat(messages).doesNotContainKey(NewKeyForm.FORM);
    }

    @Test
    void aServiceErrorOfNoFieldIsAboutTheWholeForm() {
        assertThat(NewKeyForm.defaults("test").messages(List.of(new FieldError("idempotency", "was reused"))))
                .containsExactly(Map.entry(NewKeyForm.FORM, "Idempotency was reused."));
        assertThat(NewKeyForm.defaults("test").messages(List.of(new FieldError("rateLimit.requestsPerMinute",
                "must be at most 600 requests per minute on this workspace's plan"))))
                .containsEntry("rateLimit", "Rate limit must be at most 600 requests per minute on this workspace's plan.");
    }
}
