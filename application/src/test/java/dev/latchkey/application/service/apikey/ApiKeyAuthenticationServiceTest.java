package dev.latchkey.application.service.apikey;

import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.in.Caller;
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
import java.time.Instant;
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

    /** Stores a live key of {@link #workspace} with the given dates and returns what was issued. */
    private IssuedApiKey storedKey(Instant expiresAt, Instant revokedAt) {
        IssuedApiKey issued = testKeys.issue(workspace, Environment.LIVE, Set.of(Scope.KEYS_READ, Scope.KEYS_VERIFY),
                clock.instant().minus(Duration.ofDays(1)));
        keys.add(TestKeys.withDates(issued.key(), expiresAt, revokedAt));
        return issued;
    }

    private DomainException failure(String presented) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> service.authenticate(presented));
        assertThat(e).as("the key must be refused").isNotNull();
        return e;
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "Bearer sk_live_04j0IlD5V6V1Og1b8OWUj9IKdD3aBxZI",
            "sk_live_04j0IlD5V6V1Og1b8OWUj9IKdD3aBxZi", "xk_test_CBo7pV8vdTMuVMmwWUc4GpXMQ114SrfU",
            "pk_test_CBo7pV8-dTMuVMmwWUc4GpXMQ114SrfU", "pk_test_CBo7pV8vdTMuVMmwWUc4GpXMQ114Srf"})
    void aMalformedKeyIsRefusedWithoutALookup(String presented) {
        storedKey(null, null);

        DomainException e = failure(presented);

        assertThat(e).isInstanceOf(MalformedKeyException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_FORMAT);
        assertThat(keys.findByHashCalls()).isZero();
    }

    @Test
    void aStoredKeyWithOneCharacterMistypedIsAFormatErrorWithoutALookup() {
        String key = storedKey(null, null).secret().reveal();
        char last = key.charAt(20);
        String mistyped = key.substring(0, 20) + (last == 'a' ? 'b' : 'a') + key.substring(21);

        MalformedKeyException e = catchThrowableOfType(MalformedKeyException.class,
                () -> service.authenticate(mistyped));

        assertThat(e).isNotNull();
        assertThat(e.violation()).isEqualTo(FormatViolation.CHECKSUM);
        assertThat(keys.findByHashCalls()).isZero();
    }

    @Test
    void aWellFormedUnknownKeyIsInvalid() {
        storedKey(null, null);
        String unknown = ApiKeySecret.generate(KeyType.SECRET, Environment.LIVE, new SplittableRandom(-1)).reveal();

        DomainException e = failure(unknown);

        assertThat(e).isNotNull().isNotInstanceOf(MalformedKeyException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_INVALID);
        assertThat(keys.findByHashCalls()).isEqualTo(1);
    }

    @Test
    void aRevokedKeyIsRevoked() {
        String key = storedKey(null, clock.instant().minusSeconds(30)).secret().reveal();

        assertThat(failure(key).code()).isEqualTo(ErrorCode.AUTH_REVOKED);
    }

    @Test
    void aKeyRevokedThisVeryInstantIsRevoked() {
        String key = storedKey(null, clock.instant()).secret().reveal();

        assertThat(failure(key).code()).isEqualTo(ErrorCode.AUTH_REVOKED);
    }

    @Test
    void anExpiredKeyIsExpired() {
        String key = storedKey(clock.instant().minusSeconds(1), null).secret().reveal();

        assertThat(failure(key).code()).isEqualTo(ErrorCode.AUTH_EXPIRED);
    }

    @Test
    void aKeyStopsWorkingAtItsExpiry() {
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        String key = storedKey(expiry, null).secret().reveal();

        assertThat(service.authenticate(key).workspaceId()).isEqualTo(workspace);

        clock.set(expiry);
        assertThat(failure(key).code()).isEqualTo(ErrorCode.AUTH_EXPIRED);
    }

    @Test
    void aRevokedAndExpiredKeyIsReportedRevoked() {
        String key = storedKey(clock.instant().minusSeconds(10), clock.instant().minusSeconds(20)).secret().reveal();

        assertThat(failure(key).code()).isEqualTo(ErrorCode.AUTH_REVOKED);
    }

    @Test
    void aValidKeyIsItsCaller() {
        IssuedApiKey issued = storedKey(null, null);

        Caller.KeyCaller caller = service.authenticate(issued.secret().reveal());

        assertThat(caller.keyId()).isEqualTo(issued.key().id());
        assertThat(caller.keyPrefix()).isEqualTo(issued.secret().prefix());
        assertThat(caller.workspaceId()).isEqualTo(workspace);
        assertThat(caller.environment()).isEqualTo(Environment.LIVE);
        assertThat(caller.scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, Scope.KEYS_VERIFY);
        assertThat(caller.rateLimitPerMinute()).isEqualTo(60);
        assertThat(keys.findByHashCalls()).isEqualTo(1);
    }

    @Test
    void aKeyInItsExpiringGraceStillWorks() {
        IssuedApiKey issued = storedKey(clock.instant().plus(Duration.ofHours(23)), null);

        assertThat(service.authenticate(issued.secret().reveal()).keyId()).isEqualTo(issued.key().id());
    }

    @Test
    void eachKeyAuthenticatesAsItself() {
        IssuedApiKey live = storedKey(null, null);
        IssuedApiKey test = testKeys.issue(workspace, Environment.TEST, Set.of(Scope.USAGE_READ), clock.instant());
        keys.add(test.key());

        assertThat(service.authenticate(live.secret().reveal()).environment()).isEqualTo(Environment.LIVE);
        Caller.KeyCaller testCaller = service.authenticate(test.secret().reveal());
        assertThat(testCaller.environment()).isEqualTo(Environment.TEST);
        assertThat(testCaller.keyId()).isEqualTo(test.key().id());
        assertThat(testCaller.scopes()).containsExactly(Scope.USAGE_READ);
    }
}
