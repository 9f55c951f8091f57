package dev.latchkey.application.service.apikey;

import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.FormatViolation;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.MalformedKeyException;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyAuthenticationServiceTest {

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final MutableClock clock = MutableClock.at("2025-05-01T08:00:00Z");
    private final ApiKeyAuthenticationService service = new ApiKeyAuthenticationService(keys, clock);
    private final TestKeys testKeys = new TestKeys();
    private final WorkspaceId workspace = WorkspaceId.newId();

    private IssuedApiKey stored(ApiKey adjusted, IssuedApiKey issued) {
        keys.add(adjusted);
        return issued;
    }

    private IssuedApiKey storedKey() {
        IssuedApiKey issued = testKeys.issue(workspace, Environment.LIVE, Set.of(Scope.KEYS_READ, Scope.KEYS_VERIFY),
                clock.instant().minus(Duration.ofDays(1)));
        return stored(issued.key(), issued);
    }

    private DomainException failure(String presented) {
        return catchThrowableOfType(DomainException.class, () -> service.authenticate(presented));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "Bearer sk_live_04j0IlD5V6V1Og1b8OWUj9IKdD3aBxZI",
            "sk_live_04j0IlD5V6V1Og1b8OWUj9IKdD3aBxZi", "xk_test_CBo7pV8vdTMuVMmwWUc4GpXMQ114SrfU",
            "pk_test_CBo7pV8-dTMuVMmwWUc4GpXMQ114SrfU", "pk_test_CBo7pV8vdTMuVMmwWUc4GpXMQ114Srf"})
    void aMalformedKeyIsRefusedWithoutALookup(String presented) {
        storedKey();

        DomainException e = failure(presented);

        assertThat(e).isInstanceOf(MalformedKeyException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FORMAT);
        assertThat(keys.findByHashCalls()).isZero();
    }

    @Test
    aMistypedStoredKeyIsAFormatErrorNotALookup() {
    }
}
