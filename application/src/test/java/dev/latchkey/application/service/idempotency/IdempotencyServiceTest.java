package dev.latchkey.application.service.idempotency;

import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.application.fake.DirectTransactions;
import dev.latchkey.application.fake.FakeSecretSealer;
import dev.latchkey.application.fake.InMemoryIdempotencyRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.IdempotencyUseCase.Start;
import dev.latchkey.application.port.in.IdempotencyUseCase.StoredResponse;
import dev.latchkey.application.port.out.IdempotencyRepository.IdempotencyRecord;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class IdempotencyServiceTest {

    private static final String PATH = "/v1/keys";
    private static final String KEY = "8e03978e-40d5-43e8-bc93-6894a57f9324";
    private static final byte[] BODY = "{\"name\":\"ci\",\"type\":\"sk\"}".getBytes(StandardCharsets.UTF_8);
    private static final String SECRET = "sk_test_CBo7pV8vdTMuVMmwWUc4GpXMQ114SrfU";
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            ("{\"id\":\"key_1\",\"key\":\"" + SECRET + "\"}").getBytes(StandardCharsets.UTF_8));

    private final DirectTransactions transactions = new DirectTransactions();
    private final InMemoryIdempotencyRepository records = new InMemoryIdempotencyRepository(transactions);
    private final FakeSecretSealer sealer = new FakeSecretSealer();
    private final MutableClock clock = MutableClock.at("2025-09-01T00:00:00Z");
    private final IdempotencyService service = new IdempotencyService(records, sealer, transactions, clock);
    private final WorkspaceId workspace = WorkspaceId.newId();
    private final Caller.KeyCaller caller = keyCaller(workspace, Environment.TEST, ApiKeyId.newId());

    private static Caller.KeyCaller keyCaller(WorkspaceId workspace, Environment environment, ApiKeyId id) {
        return new Caller.KeyCaller(id, "sk_test_abcd", KeyType.RESTRICTED, workspace, environment, Set.of(Scope.KEYS_WRITE), 60, false);
    }

    private Start begin(Caller who, String key, byte[] body) {
        return service.begin(who, key, "POST", PATH, body);
    }

    private Start.Proceed proceed(Caller who, String key, byte[] body) {
        Start start = begin(who, key, body);
        assertThat(start).as("the request must run").isInstanceOf(Start.Proceed.class);
        return (Start.Proceed) start;
    }

    private StoredResponse replayed(Caller who, String key, byte[] body) {
        Start start = begin(who, key, body);
        assertThat(start).as("the response must be replayed").isInstanceOf(Start.Replay.class);
        return ((Start.Replay) start).response();
    }

    private DomainException refused(Caller who, String key, byte[] body) {
        DomainException e = catchThrowableOfType(DomainException.class, () -> begin(who, key, body));
        assertThat(e).as("the request must be refused").isNotNull();
        return e;
    }

    private static void assertSameResponse(StoredResponse actual, StoredResponse expected) {
        assertThat(actual.status()).isEqualTo(expected.status());
        assertThat(actual.contentType()).isEqualTo(expected.contentType());
        assertThat(actual.body()).isEqualTo(expected.body());
    }

    @Test
    void theFirstRequestRunsAndItsRetryReplaysTheSameResponse() {
        Start.Proceed claim = proceed(caller, KEY, BODY);
        service.complete(claim, CREATED);

        StoredResponse replay = replayed(caller, KEY, BODY.clone());

        assertSameResponse(replay, CREATED);
        assertThat(new String(replay.body(), StandardCharsets.UTF_8)).contains(SECRET);
        assertThat(replayed(caller, KEY, BODY).status()).isEqualTo(201);
        assertThat(records.size()).isEqualTo(1);
    }

    @Test
    void errorResponsesAreReplayedToo() {
        StoredResponse problem = new StoredResponse(422, "application/problem+json",
                "{\"code\":\"validation_failed\"}".getBytes(StandardCharsets.UTF_8));
        service.complete(proceed(caller, KEY, BODY), problem);

        assertSameResponse(replayed(caller, KEY, BODY), problem);
    }

    @Test
    void theClaimNamesTheCallersScope() {
        Start.Proceed claim = proceed(caller, KEY, BODY);

        assertThat(claim.key()).isEqualTo(KEY);
        assertThat(claim.scope()).contains(workspace.value()).contains("test").contains(caller.keyId().value());
    }

    @Test
    void theSameKeyWithAnotherBodyIsAnIdempotencyConflict() {
        service.complete(proceed(caller, KEY, BODY), CREATED);

        DomainException e = refused(caller, KEY, "{\"name\":\"other\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(e.code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
    }

    @Test
    void theSameKeyOnAnotherPathOrMethodIsAnIdempotencyConflict() {
        service.complete(proceed(caller, KEY, BODY), CREATED);

        DomainException otherPath = catchThrowableOfType(DomainException.class,
                () -> service.begin(caller, KEY, "POST", "/v1/keys/key_1/roll", BODY));
        DomainException otherMethod = catchThrowableOfType(DomainException.class,
                () -> service.begin(caller, KEY, "PATCH", PATH, BODY));

        assertThat(otherPath.code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
        assertThat(otherMethod.code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
    }

    @Test
    void aRetryWhileTheFirstIsStillRunningIsAConflict() {
        proceed(caller, KEY, BODY);
        clock.advance(Duration.ofSeconds(30));

        DomainException e = refused(caller, KEY, BODY);

        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
    }

    @Test
    void anotherBodyWhileTheFirstIsStillRunningIsAnIdempotencyConflict() {
        proceed(caller, KEY, BODY);

        assertThat(refused(caller, KEY, new byte[]{1}).code()).isEqualTo(ErrorCode.IDEMPOTENCY_CONFLICT);
    }

    @Test
    void aRequestUnansweredForTwoMinutesIsTakenOver() {
        proceed(caller, KEY, BODY);
        clock.advance(Duration.ofMinutes(2).minusSeconds(1));
        assertThat(refused(caller, KEY, BODY).code()).isEqualTo(ErrorCode.CONFLICT);

        clock.advance(Duration.ofSeconds(2));
        Start.Proceed takeover = proceed(caller, KEY, BODY);
        service.complete(takeover, CREATED);

        assertSameResponse(replayed(caller, KEY, BODY), CREATED);
        assertThat(records.find(takeover.scope(), KEY).orElseThrow().createdAt()).isEqualTo(clock.instant());
    }

    @Test
    void aCompletedResponseIsNotTakenOverAfterTwoMinutes() {
        service.complete(proceed(caller, KEY, BODY), CREATED);
        clock.advance(Duration.ofHours(23).plusMinutes(59));

        assertSameResponse(replayed(caller, KEY, BODY), CREATED);
    }

    @Test
    void afterTwentyFourHoursTheRequestRunsAgain() {
        service.complete(proceed(caller, KEY, BODY), CREATED);
        clock.advance(Duration.ofHours(24));

        Start.Proceed again = proceed(caller, KEY, BODY);

        assertThat(records.find(again.scope(), KEY).orElseThrow().completed()).isFalse();
    }

    @Test
    void afterTwentyFourHoursEvenAnotherBodyRunsAgain() {
        service.complete(proceed(caller, KEY, BODY), CREATED);
        clock.advance(Duration.ofHours(25));

        proceed(caller, KEY, new byte[]{42});
    }

    @Test
    void anAbandonedRequestRunsAgainAtOnce() {
        Start.Proceed claim = proceed(caller, KEY, BODY);
        service.abandon(claim);

        Start.Proceed retry = proceed(caller, KEY, BODY);

        assertThat(retry).isEqualTo(claim);
        assertThat(records.size()).isEqualTo(1);
    }

    @Test
    void anotherKeyOfTheSameWorkspaceRunsAgain() {
        service.complete(proceed(caller, KEY, BODY), CREATED);
        Caller.KeyCaller otherKey = keyCaller(workspace, Environment.TEST, ApiKeyId.newId());

        Start.Proceed claim = proceed(otherKey, KEY, BODY);

        assertThat(claim.scope()).contains(otherKey.keyId().value()).doesNotContain(caller.keyId().value());
        assertSameResponse(replayed(caller, KEY, BODY), CREATED);
    }

    @Test
    void theSameCredentialInAnotherEnvironmentRunsAgain() {
        UserId user = UserId.newId();
        Caller.UserCaller inTest = new Caller.UserCaller(user, workspace, Environment.TEST, Role.OWNER);
        Caller.UserCaller inLive = new Caller.UserCaller(user, workspace, Environment.LIVE, Role.OWNER);
        service.complete(proceed(inTest, KEY, BODY), CREATED);

        Start.Proceed live = proceed(inLive, KEY, BODY);

        assertThat(live.scope()).contains("live");
        assertSameResponse(replayed(inTest, KEY, BODY), CREATED);
    }

    @Test
    void theSameCredentialIdInAnotherWorkspaceRunsAgain() {
        UserId user = UserId.newId();
        service.complete(proceed(new Caller.UserCaller(user, workspace, Environment.TEST, Role.OWNER), KEY, BODY),
                CREATED);

        proceed(new Caller.UserCaller(user, WorkspaceId.newId(), Environment.TEST, Role.OWNER), KEY, BODY);
    }

    @Test
    void aUserAndAKeyNeverShareRecords() {
        service.complete(proceed(caller, KEY, BODY), CREATED);

        proceed(new Caller.UserCaller(UserId.newId(), workspace, Environment.TEST, Role.ADMIN), KEY, BODY);
    }

    @Test
    void differentIdempotencyKeysAreDifferentRequests() {
        service.complete(proceed(caller, KEY, BODY), CREATED);

        proceed(caller, KEY + "-2", BODY);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"with space", "tab\there", "caf\u00e9", "line\nbreak", "\u007f"})
    void anUnusableIdempotencyKeyIsABadRequest(String key) {
        DomainException e = refused(caller, key, BODY);

        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(records.size()).isZero();
    }

    @Test
    void anIdempotencyKeyMayHave255CharactersButNotMore() {
        proceed(caller, "k".repeat(255), BODY);

        assertThat(refused(caller, "k".repeat(256), BODY).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(IdempotencyService.isValidKey("!~")).isTrue();
    }

    @Test
    void theStoredResponseIsSealed() {
        Start.Proceed claim = proceed(caller, KEY, BODY);
        service.complete(claim, CREATED);

        IdempotencyRecord record = records.find(claim.scope(), KEY).orElseThrow();

        assertThat(record.status()).isEqualTo(201);
        assertThat(record.contentType()).isEqualTo("application/json");
        assertThat(record.body().bytes()).isNotEqualTo(CREATED.body());
        assertThat(new String(record.body().bytes(), StandardCharsets.UTF_8)).doesNotContain(SECRET);
        assertThat(record.fingerprint()).isNotEqualTo(BODY);
        // sealed for this record only: it opens under its own context and no other
        assertThat(catchThrowableOfType(IllegalStateException.class,
                () -> sealer.open(record.body(), "latchkey:signing-key:v1"))).isNotNull();
    }

    @Test
    void everyWriteHappensInATransaction() {
        // the repository refuses writes outside a transaction: reaching the end is the assertion
        Start.Proceed claim = proceed(caller, KEY, BODY);
        service.complete(claim, CREATED);
        service.abandon(proceed(caller, "other", BODY));
        clock.advance(Duration.ofDays(2));
        service.purgeExpired();

        assertThat(transactions.count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void purgingDeletesOnlyRecordsOlderThanTheirLifetime() {
        service.complete(proceed(caller, "old", BODY), CREATED);
        clock.advance(Duration.ofHours(2));
        Start.Proceed recent = proceed(caller, "recent", BODY);
        service.complete(recent, CREATED);
        clock.advance(Duration.ofHours(23));

        int purged = service.purgeExpired();

        assertThat(purged).isEqualTo(1);
        assertThat(records.size()).isEqualTo(1);
        assertThat(records.find(recent.scope(), "old")).isEmpty();
        assertSameResponse(replayed(caller, "recent", BODY), CREATED);
        assertThat(service.purgeExpired()).isZero();
    }

    @Test
    void theResponseNeverPrintsItsBody() {
        assertThat(CREATED.toString()).doesNotContain(SECRET).contains("201");
    }
}
