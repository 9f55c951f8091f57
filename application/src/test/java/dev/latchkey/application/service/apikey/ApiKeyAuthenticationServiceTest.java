package dev.latchkey.application.service.apikey;

import dev.latchkey.application.fake.FakeRateLimiter;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceLockRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.fake.RecordingUsageRecorder;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.in.Authentication;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.FormatViolation;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeySpec;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.MalformedKeyException;
import dev.latchkey.domain.apikey.RateLimitStatus;
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
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyAuthenticationServiceTest {

    private static final String ADDRESS = "203.0.113.7";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryWorkspaceLockRepository locks = new InMemoryWorkspaceLockRepository();
    private final FakeRateLimiter rateLimiter = new FakeRateLimiter();
    private final RecordingUsageRecorder usage = new RecordingUsageRecorder();
    private final MutableClock clock = MutableClock.at("2025-05-01T08:00:00Z");
    private final ApiKeyAuthenticationService service = service(ServedEnvironments.both());
    private final TestKeys testKeys = new TestKeys();
    private final SplittableRandom random = new SplittableRandom(99);
    private final WorkspaceId workspace = WorkspaceId.newId();

    private ApiKeyAuthenticationService service(ServedEnvironments served) {
        return new ApiKeyAuthenticationService(keys, locks, rateLimiter, usage, served, clock);
    }

    /** Stores a live key of {@link #workspace} with the given dates and returns what was issued. */
    private IssuedApiKey storedKey(Instant expiresAt, Instant revokedAt) {
        IssuedApiKey issued = testKeys.issue(workspace, Environment.LIVE, Set.of(Scope.KEYS_READ, Scope.KEYS_VERIFY),
                clock.instant().minus(Duration.ofDays(1)));
        keys.add(TestKeys.withDates(issued.key(), expiresAt, revokedAt), null);
        return issued;
    }

    /** Stores a key of {@link #workspace} built from a spec. */
    private IssuedApiKey storedKey(Environment environment, int rateLimit, List<String> allowlist) {
        IssuedApiKey issued = ApiKey.issue(workspace, new KeySpec("spec key", KeyType.RESTRICTED, environment,
                Set.of(Scope.USAGE_READ), rateLimit, null, allowlist.stream().map(IpRange::parse).toList(), false),
                clock.instant().minus(Duration.ofHours(1)), random);
        keys.add(issued.key(), null);
        return issued;
    }

    private Caller.KeyCaller callerOf(Authentication authentication) {
        assertThat(authentication.caller()).isInstanceOf(Caller.KeyCaller.class);
        return (Caller.KeyCaller) authentication.caller();
    }

    private DomainException failure(String presented) {
        return failure(service, presented, ADDRESS);
    }

    private static DomainException failure(ApiKeyAuthenticationService service, String presented, String address) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> service.authenticate(presented, address));
        assertThat(e).as("the key must be refused").isNotNull();
        return e;
    }

    private void assertNothingConsumed() {
        assertThat(usage.uses()).as("no use recorded").isEmpty();
        assertThat(keys.all()).allSatisfy(key -> assertThat(rateLimiter.used(key.id().value())).isZero());
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
        assertNothingConsumed();
    }

    @Test
    void aStoredKeyWithOneCharacterMistypedIsAFormatErrorWithoutALookup() {
        String key = storedKey(null, null).secret().reveal();
        char last = key.charAt(20);
        String mistyped = key.substring(0, 20) + (last == 'a' ? 'b' : 'a') + key.substring(21);

        MalformedKeyException e = catchThrowableOfType(MalformedKeyException.class,
                () -> service.authenticate(mistyped, ADDRESS));

        assertThat(e).isNotNull();
        assertThat(e.violation()).isEqualTo(FormatViolation.CHECKSUM);
        assertThat(keys.findByHashCalls()).isZero();
    }

    @Test
    void aWellFormedUnknownKeyIsInvalid() {
        storedKey(null, null);
        String unknown = ApiKeySecret.generate(KeyType.SECRET, Environment.LIVE, new SplittableRandom(-1)).reveal();

        DomainException e = failure(unknown);

        assertThat(e).isNotInstanceOf(MalformedKeyException.class);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_INVALID);
        assertThat(keys.findByHashCalls()).isEqualTo(1);
        assertNothingConsumed();
    }

    @Test
    void aRevokedKeyIsRevoked() {
        String key = storedKey(null, clock.instant().minusSeconds(30)).secret().reveal();

        assertThat(failure(key).code()).isEqualTo(ErrorCode.AUTH_REVOKED);
        assertNothingConsumed();
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
        assertNothingConsumed();
    }

    @Test
    void aKeyStopsWorkingAtItsExpiry() {
        Instant expiry = clock.instant().plus(Duration.ofHours(1));
        String key = storedKey(expiry, null).secret().reveal();

        assertThat(service.authenticate(key, ADDRESS).caller().workspaceId()).isEqualTo(workspace);

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

        Caller.KeyCaller caller = callerOf(service.authenticate(issued.secret().reveal(), ADDRESS));

        assertThat(caller.keyId()).isEqualTo(issued.key().id());
        assertThat(caller.keyPrefix()).isEqualTo(issued.secret().prefix());
        assertThat(caller.workspaceId()).isEqualTo(workspace);
        assertThat(caller.environment()).isEqualTo(Environment.LIVE);
        assertThat(caller.scopes()).containsExactlyInAnyOrder(Scope.KEYS_READ, Scope.KEYS_VERIFY);
        assertThat(caller.rateLimitPerMinute()).isEqualTo(60);
        assertThat(caller.signing()).isFalse();
        assertThat(caller.credentialId()).isEqualTo(issued.key().id().value());
        assertThat(keys.findByHashCalls()).isEqualTo(1);
    }

    @Test
    void aSigningKeysCallerMustSign() {
        IssuedApiKey issued = ApiKey.issue(workspace, new KeySpec("signer", KeyType.SECRET, Environment.TEST,
                Set.of(), 60, null, List.of(), true), clock.instant(), random);
        keys.add(issued.key(), new dev.latchkey.application.port.out.SealedSecret(new byte[]{1, 2, 3}));

        assertThat(callerOf(service.authenticate(issued.secret().reveal(), ADDRESS)).signing()).isTrue();
    }

    @Test
    void aKeyInItsExpiringGraceStillWorks() {
        IssuedApiKey issued = storedKey(clock.instant().plus(Duration.ofHours(23)), null);

        assertThat(callerOf(service.authenticate(issued.secret().reveal(), ADDRESS)).keyId())
                .isEqualTo(issued.key().id());
    }

    @Test
    void eachKeyAuthenticatesAsItself() {
        IssuedApiKey live = storedKey(null, null);
        IssuedApiKey test = testKeys.issue(workspace, Environment.TEST, Set.of(Scope.USAGE_READ), clock.instant());
        keys.add(test.key(), null);

        assertThat(service.authenticate(live.secret().reveal(), ADDRESS).caller().environment())
                .isEqualTo(Environment.LIVE);
        Caller.KeyCaller testCaller = callerOf(service.authenticate(test.secret().reveal(), ADDRESS));
        assertThat(testCaller.environment()).isEqualTo(Environment.TEST);
        assertThat(testCaller.keyId()).isEqualTo(test.key().id());
        assertThat(testCaller.scopes()).containsExactly(Scope.USAGE_READ);
    }

    @Test
    void aKeyOfAnEnvironmentTheDeploymentDoesNotServeIsRefused() {
        String live = storedKey(null, null).secret().reveal();
        ApiKeyAuthenticationService testOnly = service(ServedEnvironments.parse("test"));
        ApiKeyAuthenticationService liveOnly = service(ServedEnvironments.parse("live"));

        DomainException e = failure(testOnly, live, ADDRESS);

        assertThat(e.code()).isEqualTo(ErrorCode.AUTH_ENVIRONMENT);
        assertNothingConsumed();
        assertThat(liveOnly.authenticate(live, ADDRESS).caller().environment()).isEqualTo(Environment.LIVE);
    }

    @Test
    void aTestKeyIsRefusedByALiveOnlyDeployment() {
        String test = storedKey(Environment.TEST, 10, List.of()).secret().reveal();

        assertThat(failure(service(ServedEnvironments.parse("live")), test, ADDRESS).code())
                .isEqualTo(ErrorCode.AUTH_ENVIRONMENT);
    }

    @Test
    void aRequestFromInsideTheAllowlistIsAccepted() {
        String key = storedKey(Environment.LIVE, 10, List.of("10.0.0.0/8", "2001:db8::/32")).secret().reveal();

        assertThat(service.authenticate(key, "10.20.30.40").rateLimit().allowed()).isTrue();
        assertThat(service.authenticate(key, "2001:db8::5").rateLimit().allowed()).isTrue();
    }

    @Test
    void aRequestFromOutsideTheAllowlistIsRefused() {
        IssuedApiKey issued = storedKey(Environment.LIVE, 10, List.of("10.0.0.0/8"));

        DomainException outside = failure(service, issued.secret().reveal(), "192.0.2.1");
        DomainException unknown = failure(service, issued.secret().reveal(), null);

        assertThat(outside.code()).isEqualTo(ErrorCode.IP_NOT_ALLOWED);
        assertThat(unknown.code()).isEqualTo(ErrorCode.IP_NOT_ALLOWED);
        assertNothingConsumed();
    }

    @Test
    void aKeyWithoutAllowlistAcceptsAnyAddressEvenNone() {
        String key = storedKey(null, null).secret().reveal();

        assertThat(service.authenticate(key, null).rateLimit().allowed()).isTrue();
        assertThat(service.authenticate(key, "198.51.100.1").rateLimit().allowed()).isTrue();
    }

    @Test
    void eachRequestTakesOneTokenOfTheKeysOwnLimit() {
        IssuedApiKey issued = storedKey(Environment.LIVE, 2, List.of());
        String key = issued.secret().reveal();

        RateLimitStatus first = service.authenticate(key, ADDRESS).rateLimit();
        RateLimitStatus second = service.authenticate(key, ADDRESS).rateLimit();
        Authentication third = service.authenticate(key, ADDRESS);

        assertThat(first.allowed()).isTrue();
        assertThat(first.limit()).isEqualTo(2);
        assertThat(first.remaining()).isEqualTo(1);
        assertThat(second.allowed()).isTrue();
        assertThat(second.remaining()).isZero();
        assertThat(third.rateLimit().allowed()).isFalse();
        assertThat(third.rateLimit().retryAfterSeconds()).isPositive();
        assertThat(callerOf(third).keyId()).isEqualTo(issued.key().id());
        assertThat(rateLimiter.used(issued.key().id().value())).isEqualTo(3);
    }

    @Test
    void onlyAllowedRequestsAreRecordedAsUses() {
        IssuedApiKey issued = storedKey(Environment.LIVE, 1, List.of());
        String key = issued.secret().reveal();

        service.authenticate(key, "198.51.100.1");
        clock.advance(Duration.ofSeconds(5));
        service.authenticate(key, "198.51.100.2");

        assertThat(usage.uses()).containsExactly(new RecordingUsageRecorder.Use(issued.key().id(),
                clock.instant().minusSeconds(5), "198.51.100.1"));
    }

    @Test
    void keysHaveSeparateBudgets() {
        IssuedApiKey a = storedKey(Environment.LIVE, 1, List.of());
        IssuedApiKey b = storedKey(Environment.LIVE, 1, List.of());

        assertThat(service.authenticate(a.secret().reveal(), ADDRESS).rateLimit().allowed()).isTrue();
        assertThat(service.authenticate(b.secret().reveal(), ADDRESS).rateLimit().allowed()).isTrue();
        assertThat(service.authenticate(a.secret().reveal(), ADDRESS).rateLimit().allowed()).isFalse();
        assertThat(usage.uses()).extracting(RecordingUsageRecorder.Use::keyId)
                .containsExactly(a.key().id(), b.key().id());
    }

    // --- the kill switch

    @Test
    void aLiveKeyOfALockedWorkspaceIsRefusedAndNothingIsConsumed() {
        String key = storedKey(null, null).secret().reveal();
        locks.lock(workspace, clock.instant());

        assertThat(failure(key).code()).isEqualTo(ErrorCode.WORKSPACE_LOCKED);
        assertNothingConsumed();
    }

    @Test
    void aTestKeyOfALockedWorkspaceKeepsWorkingWithoutAskingForTheLock() {
        String test = storedKey(Environment.TEST, 10, List.of()).secret().reveal();
        locks.lock(workspace, clock.instant());

        assertThat(service.authenticate(test, ADDRESS).rateLimit().allowed()).isTrue();
        assertThat(locks.lookups()).isZero();
    }

    @Test
    void theLockOfOneWorkspaceLeavesTheOthersAlone() {
        String key = storedKey(null, null).secret().reveal();
        locks.lock(WorkspaceId.newId(), clock.instant());

        assertThat(callerOf(service.authenticate(key, ADDRESS)).workspaceId()).isEqualTo(workspace);
    }

    @Test
    void anUnlockedWorkspacesLiveKeysWorkAgain() {
        String key = storedKey(null, null).secret().reveal();
        locks.lock(workspace, clock.instant());
        assertThat(failure(key).code()).isEqualTo(ErrorCode.WORKSPACE_LOCKED);

        locks.unlock(workspace);

        assertThat(service.authenticate(key, ADDRESS).rateLimit().allowed()).isTrue();
    }

    @Test
    void aRevokedOrExpiredKeySaysSoEvenWhenItsWorkspaceIsLocked() {
        String revoked = storedKey(null, clock.instant().minusSeconds(5)).secret().reveal();
        String expired = storedKey(clock.instant().minusSeconds(5), null).secret().reveal();
        locks.lock(workspace, clock.instant());

        assertThat(failure(revoked).code()).isEqualTo(ErrorCode.AUTH_REVOKED);
        assertThat(failure(expired).code()).isEqualTo(ErrorCode.AUTH_EXPIRED);
    }

    @Test
    void theLockComesBeforeTheAllowlist() {
        String key = storedKey(Environment.LIVE, 10, List.of("10.0.0.0/8")).secret().reveal();
        locks.lock(workspace, clock.instant());

        assertThat(failure(service, key, "192.0.2.1").code()).isEqualTo(ErrorCode.WORKSPACE_LOCKED);
    }

    @Test
    void toVerifyALockedWorkspacesKeyThatHoldsKeysVerifyIsLetThrough() {
        IssuedApiKey verifier = storedKey(null, null); // keys:read and keys:verify
        String reader = storedKey(Environment.LIVE, 10, List.of()).secret().reveal(); // usage:read only
        locks.lock(workspace, clock.instant());

        Authentication authentication = service.authenticateToVerify(verifier.secret().reveal(), ADDRESS);

        assertThat(callerOf(authentication).keyId()).isEqualTo(verifier.key().id());
        assertThat(authentication.rateLimit().allowed()).isTrue();
        assertThat(catchThrowableOfType(DomainException.class, () -> service.authenticateToVerify(reader, ADDRESS))
                .code()).isEqualTo(ErrorCode.WORKSPACE_LOCKED);
        assertThat(failure(verifier.secret().reveal()).code()).as("anywhere else").isEqualTo(ErrorCode.WORKSPACE_LOCKED);
    }

    @Test
    void toVerifyEveryOtherCheckStillApplies() {
        String revoked = storedKey(null, clock.instant().minusSeconds(5)).secret().reveal();
        IssuedApiKey fenced = ApiKey.issue(workspace, new KeySpec("fenced", KeyType.SECRET, Environment.LIVE,
                Set.of(), 10, null, List.of(IpRange.parse("10.0.0.0/8")), false), clock.instant(), random);
        keys.add(fenced.key(), null);
        locks.lock(workspace, clock.instant());

        assertThat(catchThrowableOfType(DomainException.class, () -> service.authenticateToVerify(revoked, ADDRESS))
                .code()).isEqualTo(ErrorCode.AUTH_REVOKED);
        assertThat(catchThrowableOfType(DomainException.class,
                () -> service.authenticateToVerify(fenced.secret().reveal(), "192.0.2.1")).code())
                .isEqualTo(ErrorCode.IP_NOT_ALLOWED);
        assertNothingConsumed();
    }
}
