package dev.latchkey.application.service;

import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ServedEnvironmentsTest {

    @Test
    void bothIsTheDefault() {
        assertThat(ServedEnvironments.parse(null).environments()).containsExactlyInAnyOrder(Environment.values());
        assertThat(ServedEnvironments.parse("both")).isEqualTo(ServedEnvironments.both());
    }

    @ParameterizedTest
    @ValueSource(strings = {"live", "LIVE", " Live "})
    void liveOnly(String setting) {
        assertThat(ServedEnvironments.parse(setting).environments()).containsExactly(Environment.LIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"test", "TEST", "test\n"})
    void testOnly(String setting) {
        assertThat(ServedEnvironments.parse(setting).environments()).containsExactly(Environment.TEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "prod", "live,test", "all"})
    void anythingElseIsAConfigurationError(String setting) {
        assertThatThrownBy(() -> ServedEnvironments.parse(setting))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latchkey.environment");
    }

    @Test
    void aDeploymentServesAtLeastOneEnvironment() {
        assertThatThrownBy(() -> new ServedEnvironments(Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theEnvironmentsCannotBeChangedAfterwards() {
        EnumSet<Environment> setting = EnumSet.of(Environment.LIVE);
        ServedEnvironments served = new ServedEnvironments(setting);
        setting.add(Environment.TEST);

        assertThat(served.environments()).containsExactly(Environment.LIVE);
    }

    @Test
    void requireAcceptsAServedEnvironment() {
        assertThatCode(() -> ServedEnvironments.both().require(Environment.LIVE)).doesNotThrowAnyException();
        assertThatCode(() -> ServedEnvironments.both().require(Environment.TEST)).doesNotThrowAnyException();
        assertThatCode(() -> ServedEnvironments.parse("live").require(Environment.LIVE)).doesNotThrowAnyException();
    }

    @Test
    void requireRefusesTheOtherEnvironmentNamingBoth() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> ServedEnvironments.parse("test").require(Environment.LIVE));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_ENVIRONMENT);
        assertThat(e.getMessage()).contains("test").contains("live");
    }

    @Test
    void theDefaultEnvironmentIsTestUnlessOnlyLiveIsServed() {
        assertThat(ServedEnvironments.both().defaultEnvironment()).isEqualTo(Environment.TEST);
        assertThat(ServedEnvironments.parse("test").defaultEnvironment()).isEqualTo(Environment.TEST);
        assertThat(ServedEnvironments.parse("live").defaultEnvironment()).isEqualTo(Environment.LIVE);
    }
}
