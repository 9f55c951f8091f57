package dev.latchkey.application.service.apikey;

import dev.latchkey.domain.common.FieldError;
import dev.latchkey.domain.common.ValidationException;
import dev.latchkey.application.service.ServedEnvironments;
import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.MutableClock;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyFilter;
import dev.latchkey.application.port.in.FindApiKeysUseCase.KeyPage;
import dev.latchkey.application.port.in.FindApiKeysUseCase.PageRequest;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.ApiKeyStatus;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyQueryServiceTest {

    private static final Instant T0 = Instant.parse("2025-02-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(T0.plus(Duration.ofDays(10)));
    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final ApiKeyQueryService service = new ApiKeyQueryService(keys, ServedEnvironments.both(), clock);
    private final TestKeys testKeys = new TestKeys();
    private final WorkspaceId workspace = WorkspaceId.newId();
    private final WorkspaceId otherWorkspace = WorkspaceId.newId();

    private List<ApiKey> addKeys(WorkspaceId workspaceId, Environment environment, int count) {
        List<ApiKey> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // every third key shares its creation instant with the previous one: the order must still be total
            ApiKey key = testKeys.issue(workspaceId, environment, Set.of(Scope.KEYS_READ),
                    T0.plusSeconds(i - (i % 3 == 2 ? 1 : 0))).key();
            keys.add(key, null);
            added.add(key);
        }
        return added;
    }

    private ApiKey addKey(KeyType type, Instant expiresAt, Instant revokedAt) {
        ApiKey issued = ApiKey.issue(workspace, "k", type, Environment.TEST, type == KeyType.SECRET ? Set.of()
                : Set.of(Scope.KEYS_READ), 60, null, T0, random).key();
        ApiKey key = TestKeys.withDates(issued, expiresAt, revokedAt);
        keys.add(key, null);
        return key;
    }

    private final SplittableRandom random = new SplittableRandom(5);

    private static Caller.UserCaller user(WorkspaceId workspaceId, Environment environment, Role role) {
        return new Caller.UserCaller(UserId.newId(), workspaceId, environment, role);
    }

    private static Caller.KeyCaller keyCaller(WorkspaceId workspaceId, Environment environment, Set<Scope> scopes) {
        return new Caller.KeyCaller(ApiKeyId.newId(), "sk_test_abcd", KeyType.RESTRICTED, workspaceId, environment, scopes, 60, false);
    }

    private static List<String> ids(List<ApiKey> keys) {
        return keys.stream().map(key -> key.id().value()).toList();
    }

    @Test
    void aUserListsAnotherServedEnvironmentByFilterButAKeyOnlyItsOwn() {
        List<ApiKey> live = addKeys(workspace, Environment.LIVE, 2);
        addKeys(workspace, Environment.TEST, 3);
        KeyFilter liveOnly = new KeyFilter(Optional.empty(), Optional.empty(), Optional.of(Environment.LIVE));

        KeyPage page = service.list(user(workspace, Environment.TEST, Role.MEMBER), liveOnly, PageRequest.first());
        assertThat(page.keys()).extracting(ApiKey::id).containsExactlyInAnyOrderElementsOf(
                live.stream().map(ApiKey::id).toList());

        Throwable byKey = catchThrowable(() -> service.list(keyCaller(workspace, Environment.TEST,
                Set.of(Scope.KEYS_READ)), liveOnly, PageRequest.first()));
        assertThat(byKey).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) byKey).errors()).extracting(FieldError::field).containsExactly("environment");

        ApiKeyQueryService testOnly = new ApiKeyQueryService(keys, ServedEnvironments.parse("test"), clock);
        Throwable unserved = catchThrowable(() -> testOnly.list(user(workspace, Environment.TEST, Role.OWNER),
                liveOnly, PageRequest.first()));
        assertThat(unserved).isInstanceOf(DomainException.class);
        assertThat(((DomainException) unserved).code()).isEqualTo(ErrorCode.AUTH_ENVIRONMENT);
    }

    @Test
    void fortyFiveKeysComeInPagesOf20And20And5() {
        List<ApiKey> all = addKeys(workspace, Environment.TEST, 45);
        Caller caller = user(workspace, Environment.TEST, Role.MEMBER);

        KeyPage first = service.list(caller, KeyFilter.any(), new PageRequest(20, null));
        KeyPage second = service.list(caller, KeyFilter.any(), new PageRequest(20, first.nextCursor()));
        KeyPage third = service.list(caller, KeyFilter.any(), new PageRequest(20, second.nextCursor()));

        assertThat(first.keys()).hasSize(20);
        assertThat(first.hasMore()).isTrue();
        assertThat(first.nextCursor()).isEqualTo(first.keys().getLast().id().value());

        assertThat(second.keys()).hasSize(20);
        assertThat(second.hasMore()).isTrue();
        assertThat(second.nextCursor()).isEqualTo(second.keys().getLast().id().value());

        assertThat(third.keys()).hasSize(5);
        assertThat(third.hasMore()).isFalse();
        assertThat(third.nextCursor()).isNull();

        List<ApiKey> paged = new ArrayList<>(first.keys());
        paged.addAll(second.keys());
        paged.addAll(third.keys());
        assertThat(ids(paged)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(all));
        assertThat(paged).isSortedAccordingTo(Comparator.comparing(ApiKey::createdAt).reversed());
        assertThat(paged.getFirst().createdAt())
                .isEqualTo(all.stream().map(ApiKey::createdAt).max(Comparator.naturalOrder()).orElseThrow());
    }

    @Test
    void exactlyOnePageHasNoMore() {
        addKeys(workspace, Environment.TEST, 20);

        KeyPage page = service.list(user(workspace, Environment.TEST, Role.OWNER), KeyFilter.any(), new PageRequest(20, null));

        assertThat(page.keys()).hasSize(20);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void oneMoreThanAPageHasMore() {
        addKeys(workspace, Environment.TEST, 21);
        Caller caller = user(workspace, Environment.TEST, Role.OWNER);

        KeyPage page = service.list(caller, KeyFilter.any(), new PageRequest(20, null));
        KeyPage rest = service.list(caller, KeyFilter.any(), new PageRequest(20, page.nextCursor()));

        assertThat(page.hasMore()).isTrue();
        assertThat(rest.keys()).hasSize(1);
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void noKeysIsAnEmptyLastPage() {
        KeyPage page = service.list(user(workspace, Environment.LIVE, Role.OWNER), KeyFilter.any(), PageRequest.first());

        assertThat(page.keys()).isEmpty();
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aKeyCallerWithoutKeysReadIsRefused() {
        addKeys(workspace, Environment.TEST, 3);
        Caller caller = keyCaller(workspace, Environment.TEST, Set.of(Scope.KEYS_WRITE, Scope.WORKSPACE_READ));

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.list(caller, KeyFilter.any(), PageRequest.first()));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(e.getMessage()).contains("keys:read");
        assertThat(keys.listCalls()).as("refused before reading").isZero();
    }

    @Test
    void aKeyCallerWithKeysReadListsItsOwnWorkspaceAndEnvironment() {
        List<ApiKey> mine = addKeys(workspace, Environment.LIVE, 4);
        addKeys(workspace, Environment.TEST, 2);
        addKeys(otherWorkspace, Environment.LIVE, 2);

        KeyPage page = service.list(keyCaller(workspace, Environment.LIVE, Set.of(Scope.KEYS_READ)),
                KeyFilter.any(), PageRequest.first());

        assertThat(ids(page.keys())).containsExactlyInAnyOrderElementsOf(ids(mine));
    }

    @Test
    void environmentsAreIsolated() {
        List<ApiKey> live = addKeys(workspace, Environment.LIVE, 3);
        List<ApiKey> test = addKeys(workspace, Environment.TEST, 5);

        KeyPage livePage = service.list(user(workspace, Environment.LIVE, Role.ADMIN), KeyFilter.any(), PageRequest.first());
        KeyPage testPage = service.list(user(workspace, Environment.TEST, Role.ADMIN), KeyFilter.any(), PageRequest.first());

        assertThat(ids(livePage.keys())).containsExactlyInAnyOrderElementsOf(ids(live));
        assertThat(ids(testPage.keys())).containsExactlyInAnyOrderElementsOf(ids(test));
        assertThat(livePage.keys()).allMatch(key -> key.environment() == Environment.LIVE);
        assertThat(testPage.keys()).allMatch(key -> key.environment() == Environment.TEST);
    }

    @Test
    void workspacesAreIsolated() {
        addKeys(otherWorkspace, Environment.TEST, 5);

        KeyPage page = service.list(user(workspace, Environment.TEST, Role.OWNER), KeyFilter.any(), PageRequest.first());

        assertThat(page.keys()).isEmpty();
    }

    @Test
    void pageLimitIsOneToOneHundred() {
        assertThatThrownBy(() -> new PageRequest(0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(101, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PageRequest(100, null).limit()).isEqualTo(100);
        assertThat(PageRequest.first().limit()).isEqualTo(20);
        assertThat(PageRequest.first().cursor()).isNull();
    }

    @Test
    void aListingCanBeLimitedToOneType() {
        ApiKey secret = addKey(KeyType.SECRET, null, null);
        ApiKey restricted = addKey(KeyType.RESTRICTED, null, null);
        ApiKey publishable = addKey(KeyType.PUBLISHABLE, null, null);
        Caller caller = user(workspace, Environment.TEST, Role.MEMBER);

        KeyPage rk = service.list(caller, new KeyFilter(Optional.of(KeyType.RESTRICTED), Optional.empty()),
                PageRequest.first());
        KeyPage pk = service.list(caller, new KeyFilter(Optional.of(KeyType.PUBLISHABLE), Optional.empty()),
                PageRequest.first());
        KeyPage any = service.list(caller, KeyFilter.any(), PageRequest.first());

        assertThat(ids(rk.keys())).containsExactly(restricted.id().value());
        assertThat(ids(pk.keys())).containsExactly(publishable.id().value());
        assertThat(ids(any.keys())).containsExactlyInAnyOrder(secret.id().value(), restricted.id().value(),
                publishable.id().value());
    }

    @Test
    void aListingCanBeLimitedToOneStatusAtTheClocksTime() {
        Instant now = clock.instant();
        ApiKey active = addKey(KeyType.SECRET, null, null);
        ApiKey expiring = addKey(KeyType.SECRET, now.plus(Duration.ofDays(2)), null);
        ApiKey expired = addKey(KeyType.SECRET, now.minusSeconds(1), null);
        ApiKey revoked = addKey(KeyType.SECRET, null, now.minus(Duration.ofDays(1)));
        Caller caller = user(workspace, Environment.TEST, Role.MEMBER);

        assertThat(ids(service.list(caller, new KeyFilter(Optional.empty(), Optional.of(ApiKeyStatus.ACTIVE)),
                PageRequest.first()).keys())).containsExactly(active.id().value());
        assertThat(ids(service.list(caller, new KeyFilter(Optional.empty(), Optional.of(ApiKeyStatus.EXPIRING)),
                PageRequest.first()).keys())).containsExactly(expiring.id().value());
        assertThat(ids(service.list(caller, new KeyFilter(Optional.empty(), Optional.of(ApiKeyStatus.EXPIRED)),
                PageRequest.first()).keys())).containsExactly(expired.id().value());
        assertThat(ids(service.list(caller, new KeyFilter(Optional.empty(), Optional.of(ApiKeyStatus.REVOKED)),
                PageRequest.first()).keys())).containsExactly(revoked.id().value());

        clock.advance(Duration.ofDays(3));
        assertThat(ids(service.list(caller, new KeyFilter(Optional.empty(), Optional.of(ApiKeyStatus.EXPIRED)),
                PageRequest.first()).keys())).containsExactlyInAnyOrder(expired.id().value(), expiring.id().value());
    }

    @Test
    void filteredListingsArePagedToo() {
        for (int i = 0; i < 5; i++) {
            addKey(KeyType.RESTRICTED, null, null);
            addKey(KeyType.SECRET, null, null);
        }
        Caller caller = user(workspace, Environment.TEST, Role.ADMIN);
        KeyFilter restrictedOnly = new KeyFilter(Optional.of(KeyType.RESTRICTED), Optional.empty());

        KeyPage first = service.list(caller, restrictedOnly, new PageRequest(3, null));
        KeyPage second = service.list(caller, restrictedOnly, new PageRequest(3, first.nextCursor()));

        assertThat(first.keys()).hasSize(3).allMatch(key -> key.type() == KeyType.RESTRICTED);
        assertThat(first.hasMore()).isTrue();
        assertThat(second.keys()).hasSize(2).allMatch(key -> key.type() == KeyType.RESTRICTED);
        assertThat(second.hasMore()).isFalse();
    }

    @Test
    void getFindsAKeyOfTheCallersWorkspaceAndEnvironment() {
        ApiKey key = addKeys(workspace, Environment.TEST, 1).getFirst();

        assertThat(service.get(user(workspace, Environment.TEST, Role.MEMBER), key.id())).isEqualTo(key);
        assertThat(service.get(keyCaller(workspace, Environment.TEST, Set.of(Scope.KEYS_READ)), key.id()))
                .isEqualTo(key);
    }

    @Test
    void getOfAnotherWorkspacesOrEnvironmentsKeyIsNotFound() {
        ApiKey key = addKeys(workspace, Environment.TEST, 1).getFirst();

        DomainException otherEnvironment = catchThrowableOfType(DomainException.class,
                () -> service.get(user(workspace, Environment.LIVE, Role.OWNER), key.id()));
        DomainException otherWorkspace = catchThrowableOfType(DomainException.class,
                () -> service.get(user(otherWorkspace(), Environment.TEST, Role.OWNER), key.id()));
        DomainException unknown = catchThrowableOfType(DomainException.class,
                () -> service.get(user(workspace, Environment.TEST, Role.OWNER), ApiKeyId.newId()));

        assertThat(otherEnvironment.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(otherWorkspace.code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(unknown.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void getNeedsKeysRead() {
        ApiKey key = addKeys(workspace, Environment.TEST, 1).getFirst();

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.get(keyCaller(workspace, Environment.TEST, Set.of(Scope.KEYS_WRITE)), key.id()));

        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(e.getMessage()).contains("keys:read");
    }

    private WorkspaceId otherWorkspace() {
        return otherWorkspace;
    }
}
