package dev.latchkey.application.service.apikey;

import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.fake.FakeRateLimiter;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceLockRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.fake.RecordingUsageRecorder;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase.Verification;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase.VerifyCode;
import dev.latchkey.application.port.in.VerifyApiKeyUseCase.VerifyCommand;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeySecret;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IpRange;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeySpec;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyVerificationServiceTest {

    private static final Scope RESOURCES_READ = new Scope("resources:read");
    private static final Scope RESOURCES_WRITE = new Scope("resources:write");
    private static final String ADDRESS = "198.51.100.20";

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryWorkspaceLockRepository locks = new InMemoryWorkspaceLockRepository();
    private final FakeRateLimiter rateLimiter = new FakeRateLimiter();
    private final RecordingUsageRecorder usage = new RecordingUsageRecorder();
    private final MutableClock clock = MutableClock.at("2025-07-01T09:30:00Z");
    private final ApiKeyVerificationService service = new ApiKeyVerificationService(keys, locks, rateLimiter, usage,
            clock);
    private final SplittableRandom random = new SplittableRandom(2024);
    private final WorkspaceId workspace = WorkspaceId.newId();
    private final Caller.KeyCaller verifier = verifier(workspace, Environment.LIVE, Scope.KEYS_VERIFY);

    private static Caller.KeyCaller verifier(WorkspaceId workspace, Environment environment, Scope... scopes) {
        return new Caller.KeyCaller(ApiKeyId.newId(), "sk_" + environment.code() + "_veri", KeyType.RESTRICTED, workspace, environment,
                Set.of(scopes), 600, false);
    }

    private IssuedApiKey stored(WorkspaceId workspaceId, Environment environment, Set<Scope> scopes, int rateLimit,
                                List<String> allowlist, Instant expiresAt) {
        IssuedApiKey issued = ApiKey.issue(workspaceId, new KeySpec("product key", KeyType.RESTRICTED, environment,
                        scopes, rateLimit, expiresAt, allowlist.stream().map(IpRange::parse).toList(), false),
                clock.instant().minus(Duration.ofDays(1)), random);
        keys.add(issued.key(), null);
        return issued;
    }

    private IssuedApiKey stored() {
        return stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 100, List.of(), null);
    }

    private Verification verify(IssuedApiKey key, String address, Scope... scopes) {
        return service.verify(verifier, new VerifyCommand(key.secret().reveal(), Set.of(scopes), address));
    }

    /** Nothing was taken from any key's rate limit and no use was recorded. */
    private void assertNotAUse() {
        assertThat(usage.uses()).isEmpty();
        assertThat(keys.all()).allSatisfy(key -> assertThat(rateLimiter.used(key.id().value())).isZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "sk_live_04j0IlD5V6V1Og1b8OWUj9IKdD3aBxZi",
            "xk_live_CBo7pV8vdTMuVMmwWUc4GpXMQ114SrfU"})
    void aMalformedKeyIsMalformedWithoutALookup(String presented) {
        stored();

        Verification verification = service.verify(verifier, new VerifyCommand(presented, Set.of(), ADDRESS));

        assertThat(verification.code()).isEqualTo(VerifyCode.MALFORMED);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.key()).isNull();
        assertThat(verification.rateLimit()).isNull();
        assertThat(keys.findByHashCalls()).isZero();
        assertNotAUse();
    }

    @Test
    void aNullKeyIsMalformed() {
        assertThat(service.verify(verifier, new VerifyCommand(null, Set.of(), null)).code())
                .isEqualTo(VerifyCode.MALFORMED);
    }

    @Test
    void anUnknownKeyIsNotFound() {
        String unknown = ApiKeySecret.generate(KeyType.SECRET, Environment.LIVE, new SplittableRandom(-3)).reveal();

        Verification verification = service.verify(verifier, new VerifyCommand(unknown, Set.of(), ADDRESS));

        assertThat(verification.code()).isEqualTo(VerifyCode.NOT_FOUND);
        assertThat(verification.key()).isNull();
        assertThat(keys.findByHashCalls()).isEqualTo(1);
    }

    @Test
    void anotherWorkspacesKeyIsNotFoundAndRevealsNothing() {
        IssuedApiKey foreign = stored(WorkspaceId.newId(), Environment.LIVE, Set.of(RESOURCES_READ), 100, List.of(),
                null);

        Verification verification = verify(foreign, ADDRESS, RESOURCES_READ);

        assertThat(verification.code()).isEqualTo(VerifyCode.NOT_FOUND);
        assertThat(verification.key()).isNull();
        assertThat(verification.rateLimit()).isNull();
        assertNotAUse();
    }

    @Test
    void aKeyOfTheOtherEnvironmentIsAMismatch() {
        IssuedApiKey testKey = stored(workspace, Environment.TEST, Set.of(RESOURCES_READ), 100, List.of(), null);

        Verification verification = verify(testKey, ADDRESS, RESOURCES_READ);

        assertThat(verification.code()).isEqualTo(VerifyCode.ENVIRONMENT_MISMATCH);
        assertThat(verification.key()).isNull();
        assertNotAUse();
    }

    @Test
    void aRevokedKeyIsRevoked() {
        IssuedApiKey issued = stored();
        keys.revoke(issued.key(), clock.instant().minusSeconds(1));

        Verification verification = verify(issued, ADDRESS, RESOURCES_READ);

        assertThat(verification.code()).isEqualTo(VerifyCode.REVOKED);
        assertThat(verification.key().id()).isEqualTo(issued.key().id());
        assertThat(verification.rateLimit()).isNull();
        assertNotAUse();
    }

    @Test
    void anExpiredKeyIsExpired() {
        IssuedApiKey issued = stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 100, List.of(),
                clock.instant().plusSeconds(10));
        clock.advance(Duration.ofSeconds(10));

        Verification verification = verify(issued, ADDRESS, RESOURCES_READ);

        assertThat(verification.code()).isEqualTo(VerifyCode.EXPIRED);
        assertThat(verification.key().id()).isEqualTo(issued.key().id());
        assertNotAUse();
    }

    @Test
    void anAddressOutsideTheAllowlistIsNotAllowed() {
        IssuedApiKey issued = stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 100,
                List.of("10.0.0.0/8"), null);

        Verification verification = verify(issued, "192.0.2.1", RESOURCES_READ);

        assertThat(verification.code()).isEqualTo(VerifyCode.IP_NOT_ALLOWED);
        assertThat(verification.key().id()).isEqualTo(issued.key().id());
        assertNotAUse();
    }

    @Test
    void aKeyWithAnAllowlistFailsClosedWithoutAnAddress() {
        IssuedApiKey issued = stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 100,
                List.of("10.0.0.0/8"), null);

        assertThat(verify(issued, null, RESOURCES_READ).code()).isEqualTo(VerifyCode.IP_NOT_ALLOWED);
        assertNotAUse();
    }

    @Test
    void anAddressInsideTheAllowlistIsValid() {
        IssuedApiKey issued = stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 100,
                List.of("10.0.0.0/8"), null);

        assertThat(verify(issued, "10.9.8.7", RESOURCES_READ).code()).isEqualTo(VerifyCode.VALID);
    }

    @Test
    void aKeyWithoutAllowlistIsValidWithoutAnAddress() {
        assertThat(verify(stored(), null, RESOURCES_READ).code()).isEqualTo(VerifyCode.VALID);
    }

    @Test
    void aKeyOverItsRateLimitIsRateLimited() {
        IssuedApiKey issued = stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 2, List.of(), null);

        Verification first = verify(issued, ADDRESS, RESOURCES_READ);
        Verification second = verify(issued, ADDRESS, RESOURCES_READ);
        Verification third = verify(issued, ADDRESS, RESOURCES_READ);

        assertThat(first.code()).isEqualTo(VerifyCode.VALID);
        assertThat(second.code()).isEqualTo(VerifyCode.VALID);
        assertThat(third.code()).isEqualTo(VerifyCode.RATE_LIMITED);
        assertThat(third.key().id()).isEqualTo(issued.key().id());
        assertThat(third.rateLimit().allowed()).isFalse();
        assertThat(third.rateLimit().limit()).isEqualTo(2);
        assertThat(third.rateLimit().remaining()).isZero();
        assertThat(usage.uses()).hasSize(2);
    }

    @Test
    void aMissingScopeIsInsufficientButStillAUse() {
        IssuedApiKey issued = stored();

        Verification verification = verify(issued, ADDRESS, RESOURCES_READ, RESOURCES_WRITE);

        assertThat(verification.code()).isEqualTo(VerifyCode.INSUFFICIENT_SCOPE);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.key().id()).isEqualTo(issued.key().id());
        assertThat(verification.rateLimit().remaining()).isEqualTo(99);
        assertThat(rateLimiter.used(issued.key().id().value())).isEqualTo(1);
        assertThat(usage.uses()).hasSize(1);
    }

    @Test
    void aGoodKeyIsValidAndCountsAsAUseOfThatKey() {
        IssuedApiKey issued = stored();

        Verification verification = verify(issued, ADDRESS, RESOURCES_READ);

        assertThat(verification.code()).isEqualTo(VerifyCode.VALID);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.key()).isEqualTo(issued.key());
        assertThat(verification.rateLimit().allowed()).isTrue();
        assertThat(verification.rateLimit().limit()).isEqualTo(100);
        assertThat(verification.rateLimit().remaining()).isEqualTo(99);
        assertThat(rateLimiter.used(issued.key().id().value())).isEqualTo(1);
        assertThat(rateLimiter.used(verifier.keyId().value())).as("the caller's budget is taken elsewhere").isZero();
        assertThat(usage.uses()).containsExactly(new RecordingUsageRecorder.Use(issued.key().id(), clock.instant(),
                ADDRESS));
    }

    @Test
    void noScopesAskedForChecksNone() {
        assertThat(verify(stored(), ADDRESS).code()).isEqualTo(VerifyCode.VALID);
    }

    @Test
    void aSecretKeyHoldsEveryScopeCustomOnesIncluded() {
        IssuedApiKey secret = ApiKey.issue(workspace, "sk", KeyType.SECRET, Environment.LIVE,
                Stream.concat(Scope.PLATFORM.stream(), Stream.of(RESOURCES_WRITE)).collect(Collectors.toSet()), 60, null,
                clock.instant(), random);
        keys.add(secret.key(), null);

        assertThat(verify(secret, ADDRESS, Scope.KEYS_WRITE, RESOURCES_WRITE).code()).isEqualTo(VerifyCode.VALID);
        assertThat(verify(secret, ADDRESS, RESOURCES_READ).code()).as("PRODUCT.md §1: sk holds all scopes")
                .isEqualTo(VerifyCode.VALID);
    }

    @Test
    void aKeyInARollsGraceIsStillValid() {
        IssuedApiKey issued = stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 100, List.of(),
                clock.instant().plus(Duration.ofHours(1)));

        assertThat(verify(issued, ADDRESS, RESOURCES_READ).code()).isEqualTo(VerifyCode.VALID);
    }

    @Test
    void aCallerWithoutKeysVerifyIsRefused() {
        IssuedApiKey issued = stored();
        Caller.KeyCaller reader = verifier(workspace, Environment.LIVE, Scope.KEYS_READ, Scope.KEYS_WRITE);

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.verify(reader, new VerifyCommand(issued.secret().reveal(), Set.of(), ADDRESS)));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(e.getMessage()).contains("keys:verify");
        assertThat(keys.findByHashCalls()).isZero();
        assertNotAUse();
    }

    @Test
    void theCallerMayVerifyItsOwnKey() {
        IssuedApiKey own = stored(workspace, Environment.LIVE, Set.of(Scope.KEYS_VERIFY), 10, List.of(), null);
        Caller.KeyCaller self = TestKeys.callerOf(own.key());

        assertThat(service.verify(self, new VerifyCommand(own.secret().reveal(), Set.of(Scope.KEYS_VERIFY), null))
                .code()).isEqualTo(VerifyCode.VALID);
    }

    @Test
    void everyVerificationIsRecordedAtTheClocksTime() {
        IssuedApiKey issued = stored();
        verify(issued, "192.0.2.10", RESOURCES_READ);
        clock.advance(Duration.ofSeconds(90));
        verify(issued, "192.0.2.11", RESOURCES_WRITE);

        assertThat(usage.uses()).containsExactly(
                new RecordingUsageRecorder.Use(issued.key().id(), clock.instant().minusSeconds(90), "192.0.2.10"),
                new RecordingUsageRecorder.Use(issued.key().id(), clock.instant(), "192.0.2.11"));
    }

    // --- the kill switch

    @Test
    void aLiveKeyOfALockedWorkspaceIsLockedAndNotAUse() {
        IssuedApiKey issued = stored();
        locks.lock(workspace, clock.instant());

        Verification verification = verify(issued, ADDRESS, RESOURCES_READ);

        assertThat(verification.code()).isEqualTo(VerifyCode.LOCKED);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.key()).isEqualTo(issued.key());
        assertThat(verification.rateLimit()).isNull();
        assertNotAUse();
    }

    @Test
    void aTestKeyOfALockedWorkspaceIsStillValid() {
        IssuedApiKey testKey = stored(workspace, Environment.TEST, Set.of(RESOURCES_READ), 100, List.of(), null);
        locks.lock(workspace, clock.instant());
        Caller.KeyCaller testVerifier = verifier(workspace, Environment.TEST, Scope.KEYS_VERIFY);

        assertThat(service.verify(testVerifier, new VerifyCommand(testKey.secret().reveal(), Set.of(RESOURCES_READ),
                ADDRESS)).code()).isEqualTo(VerifyCode.VALID);
        assertThat(locks.lookups()).as("test keys never ask for the lock").isZero();
    }

    @Test
    void revokedAndExpiredComeBeforeLockedAndLockedBeforeTheAllowlistAndScopes() {
        IssuedApiKey revoked = stored();
        keys.revoke(revoked.key(), clock.instant().minusSeconds(1));
        IssuedApiKey expired = stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 100, List.of(),
                clock.instant().minusSeconds(1));
        IssuedApiKey fenced = stored(workspace, Environment.LIVE, Set.of(RESOURCES_READ), 100, List.of("10.0.0.0/8"),
                null);
        locks.lock(workspace, clock.instant());

        assertThat(verify(revoked, ADDRESS).code()).isEqualTo(VerifyCode.REVOKED);
        assertThat(verify(expired, ADDRESS).code()).isEqualTo(VerifyCode.EXPIRED);
        assertThat(verify(fenced, "192.0.2.1", RESOURCES_WRITE).code()).isEqualTo(VerifyCode.LOCKED);
    }

    @Test
    void anUnlockedWorkspacesKeyIsValidAgain() {
        IssuedApiKey issued = stored();
        locks.lock(workspace, clock.instant());
        assertThat(verify(issued, ADDRESS, RESOURCES_READ).code()).isEqualTo(VerifyCode.LOCKED);

        locks.unlock(workspace);

        assertThat(verify(issued, ADDRESS, RESOURCES_READ).code()).isEqualTo(VerifyCode.VALID);
    }
}
