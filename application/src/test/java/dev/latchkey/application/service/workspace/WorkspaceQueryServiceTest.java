package dev.latchkey.application.service.workspace;

import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.application.fake.InMemoryWorkspaceRepository;
import dev.latchkey.application.port.in.Caller;
import dev.latchkey.domain.apikey.ApiKeyId;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.UserId;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import dev.latchkey.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class WorkspaceQueryServiceTest {

    private final InMemoryWorkspaceRepository workspaces = new InMemoryWorkspaceRepository();
    private final WorkspaceQueryService service = new WorkspaceQueryService(workspaces);
    private final Workspace acme = Workspace.create("Acme", Instant.parse("2025-01-01T00:00:00Z"));

    private Caller.KeyCaller key(WorkspaceId workspaceId, Scope... scopes) {
        return new Caller.KeyCaller(ApiKeyId.newId(), "sk_live_abcd", KeyType.RESTRICTED, workspaceId, Environment.LIVE, Set.of(scopes), 60, false);
    }

    @Test
    void aMemberGetsTheCallersWorkspace() {
        workspaces.add(acme);
        workspaces.add(Workspace.create("Other", Instant.EPOCH));

        Workspace found = service.get(new Caller.UserCaller(UserId.newId(), acme.id(), Environment.TEST, Role.MEMBER));

        assertThat(found).isEqualTo(acme);
    }

    @Test
    void aKeyNeedsWorkspaceRead() {
        workspaces.add(acme);

        assertThat(service.get(key(acme.id(), Scope.WORKSPACE_READ))).isEqualTo(acme);
        DomainException e = catchThrowableOfType(DomainException.class, () -> service.get(key(acme.id(), Scope.KEYS_READ)));
        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(e.getMessage()).contains("workspace:read");
    }

    @Test
    void aMissingWorkspaceIsNotFound() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> service.get(key(WorkspaceId.newId(), Scope.WORKSPACE_READ)));

        assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
}
