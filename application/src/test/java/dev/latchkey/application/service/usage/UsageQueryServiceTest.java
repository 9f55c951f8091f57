package dev.latchkey.application.service.usage;

import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.InMemoryUsageRepository;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.GetUsageUseCase.Granularity;
import dev.latchkey.application.port.in.GetUsageUseCase.UsagePoint;
import dev.latchkey.application.port.in.GetUsageUseCase.UsageQuery;
import dev.latchkey.application.port.in.GetUsageUseCase.UsageReport;
import dev.latchkey.application.port.out.UsageRepository.MinuteCount;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UsageQueryServiceTest {

    private static final Instant T10 = Instant.parse("2025-06-01T10:00:00Z");
    private static final Instant DAY1 = Instant.parse("2025-06-01T00:00:00Z");

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final InMemoryUsageRepository usage = new InMemoryUsageRepository(keys);
    private final UsageQueryService service = new UsageQueryService(usage, keys);
    private final TestKeys testKeys = new TestKeys();
    private final WorkspaceId workspace = WorkspaceId.newId();
    private final ApiKey a = key(workspace, Environment.LIVE);
    private final ApiKey b = key(workspace, Environment.LIVE);
    private final Caller member = new Caller.UserCaller(UserId.newId(), workspace, Environment.LIVE, Role.MEMBER);

    private ApiKey key(WorkspaceId workspaceId, Environment environment) {
        ApiKey key = testKeys.issue(workspaceId, environment, Set.of(Scope.USAGE_READ), Instant.EPOCH).key();
        keys.add(key, null);
        return key;
    }

    private void count(ApiKey key, Instant minute, long requests) {
        usage.addCounts(List.of(new MinuteCount(key.id(), key.workspaceId(), key.environment(), minute, requests)));
    }

    private static Caller.KeyCaller keyCaller(WorkspaceId workspaceId, Scope... scopes) {
        return new Caller.KeyCaller(ApiKeyId.newId(), "sk_live_abcd", KeyType.RESTRICTED, workspaceId, Environment.LIVE, Set.of(scopes),
                60, false);
    }

    private UsageReport minutes(Caller caller, Optional<ApiKeyId> key, Instant from, Instant to) {
        return service.usage(caller, UsageQuery.parse(key, from, to, Granularity.MINUTE));
    }

    private static List<Long> requests(UsageReport report) {
        return report.points().stream().map(UsagePoint::requests).toList();
    }

    private static List<Instant> starts(UsageReport report) {
        return report.points().stream().map(UsagePoint::start).toList();
    }

    @Test
    void everyMinuteOfTheRangeIsAPointZerosIncluded() {
        count(a, T10.plusSeconds(60), 3);
        count(a, T10.plusSeconds(180), 2);

        UsageReport report = minutes(member, Optional.empty(), T10, T10.plusSeconds(300));

        assertThat(starts(report)).containsExactly(T10, T10.plusSeconds(60), T10.plusSeconds(120),
                T10.plusSeconds(180), T10.plusSeconds(240));
        assertThat(requests(report)).containsExactly(0L, 3L, 0L, 2L, 0L);
        assertThat(report.total()).isEqualTo(5);
        assertThat(report.granularity()).isEqualTo(Granularity.MINUTE);
        assertThat(report.keyId()).isEmpty();
        assertThat(report.to()).isEqualTo(T10.plusSeconds(300));
    }

    @Test
    void anUnalignedRangeStartsAtItsMinuteAndEndsWithItsLastPartialMinute() {
        count(a, T10, 4);
        count(a, T10.plusSeconds(120), 1);

        UsageReport report = minutes(member, Optional.empty(), T10.plusSeconds(30), T10.plusSeconds(150));

        assertThat(report.from()).isEqualTo(T10);
        assertThat(starts(report)).containsExactly(T10, T10.plusSeconds(60), T10.plusSeconds(120));
        assertThat(requests(report)).containsExactly(4L, 0L, 1L);
        assertThat(report.total()).isEqualTo(5);
    }

    @Test
    void aRangeWithoutUseIsAllZeros() {
        UsageReport report = minutes(member, Optional.empty(), T10, T10.plus(Duration.ofHours(1)));

        assertThat(report.points()).hasSize(60).allMatch(point -> point.requests() == 0);
        assertThat(report.total()).isZero();
    }

    @Test
    void aWholeDayHas1440Minutes() {
        count(b, DAY1.plus(Duration.ofHours(23)).plusSeconds(59 * 60), 7);

        UsageReport report = minutes(member, Optional.empty(), DAY1, DAY1.plus(Duration.ofDays(1)));

        assertThat(report.points()).hasSize(1440);
        assertThat(report.points().getLast()).isEqualTo(new UsagePoint(DAY1.plusSeconds(86_340), 7));
        assertThat(report.total()).isEqualTo(7);
    }

    @Test
    void everyDayOfTheRangeIsAPointZerosIncluded() {
        count(a, DAY1.plus(Duration.ofHours(23)).plusSeconds(59 * 60), 4);
        count(b, DAY1.plus(Duration.ofDays(2)), 1);

        UsageReport report = service.usage(member, UsageQuery.parse(Optional.empty(), DAY1.plus(Duration.ofHours(12)),
                DAY1.plus(Duration.ofDays(3)), Granularity.DAY));

        assertThat(report.from()).isEqualTo(DAY1);
        assertThat(starts(report)).containsExactly(DAY1, DAY1.plus(Duration.ofDays(1)), DAY1.plus(Duration.ofDays(2)));
        assertThat(requests(report)).containsExactly(4L, 0L, 1L);
        assertThat(report.total()).isEqualTo(5);
        assertThat(report.granularity()).isEqualTo(Granularity.DAY);
    }

    @Test
    void oneKeysCountsOnly() {
        count(a, T10, 2);
        count(b, T10, 5);
        count(b, T10.plusSeconds(60), 1);

        UsageReport onlyB = minutes(member, Optional.of(b.id()), T10, T10.plusSeconds(120));
        UsageReport all = minutes(member, Optional.empty(), T10, T10.plusSeconds(120));

        assertThat(onlyB.keyId()).contains(b.id());
        assertThat(requests(onlyB)).containsExactly(5L, 1L);
        assertThat(onlyB.total()).isEqualTo(6);
        assertThat(requests(all)).containsExactly(7L, 1L);
        assertThat(all.total()).isEqualTo(8);
    }

    @Test
    void otherWorkspacesAndEnvironmentsAreNotCounted() {
        count(a, T10, 1);
        count(key(workspace, Environment.TEST), T10, 10);
        count(key(WorkspaceId.newId(), Environment.LIVE), T10, 100);

        UsageReport report = minutes(member, Optional.empty(), T10, T10.plusSeconds(60));

        assertThat(requests(report)).containsExactly(1L);
    }

    @Test
    void anUnknownKeyIsNotFound() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> minutes(member, Optional.of(ApiKeyId.newId()), T10, T10.plusSeconds(60)));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aKeyOfAnotherWorkspaceOrEnvironmentIsNotFound() {
        ApiKey foreign = key(WorkspaceId.newId(), Environment.LIVE);
        ApiKey test = key(workspace, Environment.TEST);
        count(foreign, T10, 9);

        DomainException otherWorkspace = catchThrowableOfType(DomainException.class,
                () -> minutes(member, Optional.of(foreign.id()), T10, T10.plusSeconds(60)));
        DomainException otherEnvironment = catchThrowableOfType(DomainException.class,
                () -> minutes(member, Optional.of(test.id()), T10, T10.plusSeconds(60)));

        assertThat(otherWorkspace.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(otherEnvironment.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void aKeyNeedsUsageRead() {
        count(a, T10, 1);

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> minutes(keyCaller(workspace, Scope.KEYS_READ), Optional.empty(), T10, T10.plusSeconds(60)));
        UsageReport allowed = minutes(keyCaller(workspace, Scope.USAGE_READ), Optional.empty(), T10,
                T10.plusSeconds(60));

        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(e.getMessage()).contains("usage:read");
        assertThat(allowed.total()).isEqualTo(1);
    }
}
