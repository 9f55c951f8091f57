package dev.latchkey.application.service.apikey;

import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.FakeSecretSealer;
import dev.latchkey.application.fake.InMemoryAuditRepository;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ManageApiKeysUseCase.CreateApiKeyCommand;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.application.service.audit.AuditTrail;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyRoll;
import dev.latchkey.domain.apikey.RequestSignature;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Plans;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RequestSignatureServiceTest {

    private static final byte[] BODY = "{\"amount\":1200,\"currency\":\"eur\"}".getBytes(StandardCharsets.UTF_8);

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository(transactions);
    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final FakeSecretSealer sealer = new FakeSecretSealer();
    private final MutableClock clock = MutableClock.at("2025-08-01T10:00:00Z");
    private final ApiKeyManagementService management = new ApiKeyManagementService(keys, workspaces, sealer,
            transactions, ServedEnvironments.both(), Plans.defaults(),
            new AuditTrail(new InMemoryAuditRepository(workspaces, transactions), clock), clock,
            new SplittableRandom(8));
    private final RequestSignatureService service = new RequestSignatureService(keys, sealer, clock);
    private final Workspace acme = new Workspace(WorkspaceId.newId(), "Acme", Plan.PRO, Instant.EPOCH);
    private final Caller.UserCaller owner = new Caller.UserCaller(UserId.newId(), acme.id(), Environment.LIVE,
            Role.OWNER);

    RequestSignatureServiceTest() {
        workspaces.add(acme);
    }

    private IssuedApiKey key(boolean signing) {
        return key(owner, signing);
    }

    private IssuedApiKey key(Caller.UserCaller creator, boolean signing) {
        return management.create(creator, CreateApiKeyCommand.parse(signing ? "signer" : "plain", "sk", null, null,
                null, null, null, signing));
    }

    private static Caller.KeyCaller callerOf(IssuedApiKey issued) {
        ApiKey key = issued.key();
        return new Caller.KeyCaller(key.id(), key.prefix(), key.type(), key.workspaceId(), key.environment(),
                key.scopes(), key.rateLimitPerMinute(), key.signing());
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private DomainException refused(Caller caller, String header, byte[] body) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> service.check(caller, header, body));
        assertThat(e).as("the request must be refused").isNotNull();
        return e;
    }

    private void accepted(Caller caller, String header, byte[] body) {
        assertThatCode(() -> service.check(caller, header, body)).doesNotThrowAnyException();
    }

    @Test
    void aSigningKeyWithoutASignatureIsRefused() {
        IssuedApiKey signer = key(true);

        DomainException e = refused(callerOf(signer), null, BODY);

        assertThat(e.code()).isEqualTo(ErrorCode.HMAC_REQUIRED);
        assertThat(e.getMessage()).contains(RequestSignature.HEADER).doesNotContain(signer.secret().reveal());
    }

    @Test
    void aNonSigningKeyWithoutASignatureIsAccepted() {
        key(true);

        accepted(callerOf(key(false)), null, BODY);
    }

    @Test
    void aUserWithoutASignatureIsAccepted() {
        key(true);

        accepted(owner, null, BODY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "sha256=", "sha256=abc", "sha1=0000000000000000000000000000000000000000",
            "v1,c2lnbmF0dXJl", "t=abc,sha256=0000000000000000000000000000000000000000000000000000000000000000",
            "sha256=zz00000000000000000000000000000000000000000000000000000000000000"})
    void aMalformedHeaderIsInvalid(String header) {
        IssuedApiKey signer = key(true);

        assertThat(refused(callerOf(signer), header, BODY).code()).isEqualTo(ErrorCode.HMAC_INVALID);
    }

    @Test
    void aSignatureWithoutAnySigningKeyOnFileHasNoSecret() {
        IssuedApiKey plain = key(false);
        String header = RequestSignature.sign(plain.secret().reveal(), BODY, now());

        assertThat(refused(callerOf(plain), header, BODY).code()).isEqualTo(ErrorCode.HMAC_NO_SECRET);
    }

    @Test
    void signingKeysOfTheOtherEnvironmentDoNotCount() {
        IssuedApiKey testSigner = key(new Caller.UserCaller(owner.userId(), acme.id(), Environment.TEST, Role.OWNER),
                true);
        IssuedApiKey livePlain = key(false);
        String header = RequestSignature.sign(testSigner.secret().reveal(), BODY, now());

        assertThat(refused(callerOf(livePlain), header, BODY).code()).isEqualTo(ErrorCode.HMAC_NO_SECRET);
        accepted(callerOf(testSigner), header, BODY);
    }

    @Test
    void signingKeysOfAnotherWorkspaceDoNotCount() {
        Workspace other = new Workspace(WorkspaceId.newId(), "Other", Plan.PRO, Instant.EPOCH);
        workspaces.add(other);
        IssuedApiKey foreignSigner = key(new Caller.UserCaller(UserId.newId(), other.id(), Environment.LIVE,
                Role.OWNER), true);
        IssuedApiKey mine = key(false);

        String header = RequestSignature.sign(foreignSigner.secret().reveal(), BODY, null);

        assertThat(refused(callerOf(mine), header, BODY).code()).isEqualTo(ErrorCode.HMAC_NO_SECRET);
    }

    @Test
    void aSignatureBySomeOtherSecretIsInvalid() {
        IssuedApiKey signer = key(true);
        IssuedApiKey plain = key(false);

        String header = RequestSignature.sign(plain.secret().reveal(), BODY, now());

        assertThat(refused(callerOf(signer), header, BODY).code()).isEqualTo(ErrorCode.HMAC_INVALID);
    }

    @Test
    void aSignatureOfAnotherBodyIsInvalid() {
        IssuedApiKey signer = key(true);
        String header = RequestSignature.sign(signer.secret().reveal(), BODY, now());

        DomainException e = refused(callerOf(signer), header, "{\"amount\":9999}".getBytes(StandardCharsets.UTF_8));

        assertThat(e.code()).isEqualTo(ErrorCode.HMAC_INVALID);
    }

    @Test
    void aTimestampedSignatureIsValidWithinFiveMinutesEitherWay() {
        IssuedApiKey signer = key(true);
        String secret = signer.secret().reveal();

        accepted(callerOf(signer), RequestSignature.sign(secret, BODY, now()), BODY);
        accepted(callerOf(signer), RequestSignature.sign(secret, BODY, now() - 300), BODY);
        accepted(callerOf(signer), RequestSignature.sign(secret, BODY, now() + 300), BODY);
    }

    @Test
    void anOldOrFutureTimestampIsExpired() {
        IssuedApiKey signer = key(true);
        String secret = signer.secret().reveal();

        assertThat(refused(callerOf(signer), RequestSignature.sign(secret, BODY, now() - 301), BODY).code())
                .isEqualTo(ErrorCode.HMAC_EXPIRED);
        assertThat(refused(callerOf(signer), RequestSignature.sign(secret, BODY, now() + 301), BODY).code())
                .isEqualTo(ErrorCode.HMAC_EXPIRED);
    }

    @Test
    void aSignatureExpiresAsTheClockMoves() {
        IssuedApiKey signer = key(true);
        String header = RequestSignature.sign(signer.secret().reveal(), BODY, now());

        accepted(callerOf(signer), header, BODY);
        clock.advance(Duration.ofSeconds(301));

        assertThat(refused(callerOf(signer), header, BODY).code()).isEqualTo(ErrorCode.HMAC_EXPIRED);
    }

    @Test
    void theUntimedFormIsAccepted() {
        IssuedApiKey signer = key(true);

        accepted(callerOf(signer), RequestSignature.sign(signer.secret().reveal(), BODY, null), BODY);
    }

    @Test
    void anyOfTwoSigningKeysMayHaveSigned() {
        IssuedApiKey first = key(true);
        IssuedApiKey second = key(true);
        IssuedApiKey plain = key(false);

        for (IssuedApiKey signer : new IssuedApiKey[]{first, second}) {
            String header = RequestSignature.sign(signer.secret().reveal(), BODY, now());
            accepted(callerOf(first), header, BODY);
            accepted(callerOf(second), header, BODY);
            // a non-signing key of the workspace may sign too, with any signing key's secret
            accepted(callerOf(plain), header, BODY);
        }
    }

    @Test
    void anEmptyBodyCanBeSigned() {
        IssuedApiKey signer = key(true);

        accepted(callerOf(signer), RequestSignature.sign(signer.secret().reveal(), new byte[0], now()), new byte[0]);
    }

    @Test
    void aRevokedSigningKeyNoLongerMatches() {
        IssuedApiKey revoked = key(true);
        IssuedApiKey kept = key(true);
        String byRevoked = RequestSignature.sign(revoked.secret().reveal(), BODY, now());
        accepted(callerOf(kept), byRevoked, BODY);

        management.revoke(owner, revoked.key().id());

        assertThat(refused(callerOf(kept), byRevoked, BODY).code()).isEqualTo(ErrorCode.HMAC_INVALID);
        accepted(callerOf(kept), RequestSignature.sign(kept.secret().reveal(), BODY, now()), BODY);

        management.revoke(owner, kept.key().id());
        assertThat(refused(callerOf(kept), byRevoked, BODY).code()).isEqualTo(ErrorCode.HMAC_NO_SECRET);
    }

    @Test
    void bothKeysOfARollSignDuringTheGraceAndOnlyTheSuccessorAfter() {
        IssuedApiKey old = key(true);
        KeyRoll roll = management.roll(owner, old.key().id(), Duration.ofMinutes(30));
        Caller.KeyCaller successor = TestKeys.callerOf(roll.successor().key());

        accepted(successor, RequestSignature.sign(old.secret().reveal(), BODY, now()), BODY);
        accepted(successor, RequestSignature.sign(roll.successor().secret().reveal(), BODY, now()), BODY);

        clock.advance(Duration.ofMinutes(30));
        assertThat(refused(successor, RequestSignature.sign(old.secret().reveal(), BODY, now()), BODY).code())
                .isEqualTo(ErrorCode.HMAC_INVALID);
        accepted(successor, RequestSignature.sign(roll.successor().secret().reveal(), BODY, now()), BODY);
    }
}
