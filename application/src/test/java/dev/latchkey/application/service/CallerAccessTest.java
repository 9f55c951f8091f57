package dev.latchkey.application.service;

import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.application.port.in.Caller;
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
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CallerAccessTest {

    private static final WorkspaceId WORKSPACE = WorkspaceId.newId();

    private static Caller.UserCaller user(Role role) {
        return new Caller.UserCaller(UserId.newId(), WORKSPACE, Environment.TEST, role);
    }

    private static Caller.KeyCaller key(Scope... scopes) {
        return new Caller.KeyCaller(ApiKeyId.newId(), "sk_test_abcd", KeyType.RESTRICTED, WORKSPACE, Environment.TEST, Set.of(scopes), 60, false);
    }

    @Test
    void aMemberMayNotWrite() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> CallerAccess.requireWrite(user(Role.MEMBER), Scope.KEYS_WRITE));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.ROLE_FORBIDDEN);
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"ADMIN", "OWNER"})
    void adminsAndOwnersMayWrite(Role role) {
        assertThatCode(() -> CallerAccess.requireWrite(user(role), Scope.KEYS_WRITE)).doesNotThrowAnyException();
        assertThatCode(() -> CallerAccess.requireWrite(user(role), Scope.WEBHOOKS_WRITE)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyMemberMayRead(Role role) {
        assertThatCode(() -> CallerAccess.requireRead(user(role), Scope.KEYS_READ)).doesNotThrowAnyException();
        assertThatCode(() -> CallerAccess.requireRead(user(role), Scope.AUDIT_READ)).doesNotThrowAnyException();
    }

    @Test
    void aKeyLackingTheWriteScopeIsRefusedNamingIt() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> CallerAccess.requireWrite(key(Scope.KEYS_READ), Scope.KEYS_WRITE));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(e.getMessage()).contains("keys:write");
    }

    @Test
    void aKeyLackingTheReadScopeIsRefusedNamingIt() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> CallerAccess.requireRead(key(Scope.KEYS_WRITE), Scope.USAGE_READ));

        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(e.getMessage()).contains("usage:read");
    }

    @Test
    void aKeyWithTheScopeMayActWhateverElseItHolds() {
        assertThatCode(() -> CallerAccess.requireWrite(key(Scope.KEYS_WRITE), Scope.KEYS_WRITE))
                .doesNotThrowAnyException();
        assertThatCode(() -> CallerAccess.requireRead(key(Scope.KEYS_READ, Scope.KEYS_WRITE), Scope.KEYS_READ))
                .doesNotThrowAnyException();
    }

    @Test
    void writeScopeDoesNotImplyReadScope() {
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> CallerAccess.requireRead(key(Scope.KEYS_WRITE), Scope.KEYS_READ));

        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
    }

    @Test
    void aCustomScopeIsNamedToo() {
        Scope custom = new Scope("jobs:write");
        DomainException e = catchThrowableOfType(DomainException.class,
                () -> CallerAccess.requireWrite(key(Scope.KEYS_WRITE), custom));

        assertThat(e.code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(e.getMessage()).contains("jobs:write");
    }
}
