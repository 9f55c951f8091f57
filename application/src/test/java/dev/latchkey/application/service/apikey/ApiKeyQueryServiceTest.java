package dev.latchkey.application.service.apikey;

import dev.latchkey.application.fake.InMemoryApiKeyRepository;
import dev.latchkey.application.fake.TestKeys;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.application.port.in.ListApiKeysUseCase.KeyPage;
import dev.latchkey.application.port.in.ListApiKeysUseCase.PageRequest;
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

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyQueryServiceTest {

    private static final Instant T0 = Instant.parse("2025-02-01T00:00:00Z");

    private final InMemoryApiKeyRepository keys = new InMemoryApiKeyRepository();
    private final ApiKeyQueryService service = new ApiKeyQueryService(keys);
    private final TestKeys testKeys = new TestKeys();
    private final WorkspaceId workspace = WorkspaceId.newId();
    private final WorkspaceId otherWorkspace = WorkspaceId.newId();

    private List<ApiKey> addKeys(WorkspaceId workspaceId, Environment environment, int count) {
        List<ApiKey> added = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // every third key shares its creation instant with the previous one: the order must still be total
            ApiKey key = testKeys.issue(workspaceId, environment, Set.of(Scope.KEYS_READ),
                    T0.plusSeconds(i - (i % 3 == 2 ? 1 : 0))).key();
            keys.add(key);
            added.add(key);
        }
        return added;
    }

    private static Caller.UserCaller user(WorkspaceId workspaceId, Environment environment, Role role) {
        return new Caller.UserCaller(UserId.newId(), workspaceId, environment, role);
    }

    private static Caller.KeyCaller keyCaller(WorkspaceId workspaceId, Environment environment, Set<Scope> scopes) {
        return new Caller.KeyCaller(ApiKeyId.newId(), "sk_test_abcd", workspaceId, environment, scopes, 60);
    }

    private static List<String> ids(List<ApiKey> keys) {
        return keys.stream().map(key -> key.id().value()).toList();
    }

    @Test
    void fortyFiveKeysComeInPagesOf20And20And5() {
        List<ApiKey> all = addKeys(workspace, Environment.TEST, 45);
        Caller caller = user(workspace, Environment.TEST, Role.MEMBER);

        KeyPage first = service.list(caller, new PageRequest(20, null));
        KeyPage second = service.list(caller, new PageRequest(20, first.nextCursor()));
        KeyPage third = service.list(caller, new PageRequest(20, second.nextCursor()));

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

        KeyPage page = service.list(user(workspace, Environment.TEST, Role.OWNER), new PageRequest(20, null));

        assertThat(page.keys()).hasSize(20);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void oneMoreThanAPageHasMore() {
        addKeys(workspace, Environment.TEST, 21);
        Caller caller = user(workspace, Environment.TEST, Role.OWNER);

        KeyPage page = service.list(caller, new PageRequest(20, null));
        KeyPage rest = service.list(caller, new PageRequest(20, page.nextCursor()));

        assertThat(page.hasMore()).isTrue();
        assertThat(rest.keys()).hasSize(1);
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void noKeysIsAnEmptyLastPage() {
        KeyPage page = service.list(user(workspace, Environment.LIVE, Role.OWNER), PageRequest.first());

        assertThat(page.keys()).isEmpty();
        assertThat(page.hasMore()).isFalse();
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void aKeyCallerWithoutKeysReadIsRefused() {
        addKeys(workspace, Environment.TEST, 3);
        Caller caller = keyCaller(workspace, Environment.TEST, Set.of(Scope.KEYS_WRITE, Scope.WORKSPACE_READ));

        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.list(caller, PageRequest.first()));

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
                PageRequest.first());

        assertThat(ids(page.keys())).containsExactlyInAnyOrderElementsOf(ids(mine));
    }

    @Test
    void environmentsAreIsolated() {
        List<ApiKey> live = addKeys(workspace, Environment.LIVE, 3);
        List<ApiKey> test = addKeys(workspace, Environment.TEST, 5);

        KeyPage livePage = service.list(user(workspace, Environment.LIVE, Role.ADMIN), PageRequest.first());
        KeyPage testPage = service.list(user(workspace, Environment.TEST, Role.ADMIN), PageRequest.first());

        assertThat(ids(livePage.keys())).containsExactlyInAnyOrderElementsOf(ids(live));
        assertThat(ids(testPage.keys())).containsExactlyInAnyOrderElementsOf(ids(test));
        assertThat(livePage.keys()).allMatch(key -> key.environment() == Environment.LIVE);
        assertThat(testPage.keys()).allMatch(key -> key.environment() == Environment.TEST);
    }

    @Test
    void workspacesAreIsolated() {
        addKeys(otherWorkspace, Environment.TEST, 5);

        KeyPage page = service.list(user(workspace, Environment.TEST, Role.OWNER), PageRequest.first());

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
}
