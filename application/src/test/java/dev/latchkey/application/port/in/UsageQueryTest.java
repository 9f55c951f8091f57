package dev.latchkey.application.port.in;

import dev.latchkey.application.port.in.GetUsageUseCase.Granularity;
import dev.latchkey.application.port.in.GetUsageUseCase.UsageQuery;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UsageQueryTest {

    private static final Instant FROM = Instant.parse("2025-06-01T00:00:00Z");

    private static List<String> fieldsOf(Runnable parse) {
        ValidationException e = catchThrowableOfType(ValidationException.class, parse::run);
        assertThat(e).as("the query must be refused").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aValidQueryKeepsItsFields() {
        ApiKeyId id = ApiKeyId.newId();
        UsageQuery query = UsageQuery.parse(Optional.of(id), FROM, FROM.plus(Duration.ofHours(1)), Granularity.MINUTE);

        assertThat(query.keyId()).contains(id);
        assertThat(query.from()).isEqualTo(FROM);
        assertThat(query.to()).isEqualTo(FROM.plus(Duration.ofHours(1)));
        assertThat(query.granularity()).isEqualTo(Granularity.MINUTE);
    }

    @Test
    void fromMustBeBeforeTo() {
        assertThat(fieldsOf(() -> UsageQuery.parse(Optional.empty(), FROM, FROM, Granularity.DAY)))
                .containsExactly("from");
        assertThat(fieldsOf(() -> UsageQuery.parse(Optional.empty(), FROM, FROM.minusSeconds(1), Granularity.DAY)))
                .containsExactly("from");
    }

    @Test
    void minuteCountsCoverAtMostOneDay() {
        assertThat(UsageQuery.parse(Optional.empty(), FROM, FROM.plus(Duration.ofDays(1)), Granularity.MINUTE).to())
                .isEqualTo(FROM.plus(Duration.ofDays(1)));
        assertThat(fieldsOf(() -> UsageQuery.parse(Optional.empty(), FROM, FROM.plus(Duration.ofDays(1)).plusSeconds(1),
                Granularity.MINUTE))).containsExactly("to");
    }

    @Test
    void dayCountsCoverAtMost366Days() {
        assertThat(UsageQuery.parse(Optional.empty(), FROM, FROM.plus(Duration.ofDays(366)), Granularity.DAY).from())
                .isEqualTo(FROM);
        assertThat(fieldsOf(() -> UsageQuery.parse(Optional.empty(), FROM, FROM.plus(Duration.ofDays(367)),
                Granularity.DAY))).containsExactly("to");
    }
}
