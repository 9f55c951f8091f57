package dev.latchkey.persistence;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.apikey.ApiKey;
import dev.latchkey.domain.apikey.Environment;
import dev.latchkey.domain.apikey.IssuedApiKey;
import dev.latchkey.domain.apikey.KeyType;
import dev.latchkey.domain.apikey.Scope;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisRepositoriesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    // PostgreSQL keeps microseconds
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired MyBatisUserRepository users;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired MyBatisApiKeyRepository keys;
    @Autowired Transactions transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void liquibaseCreatedTheSchema() {
        assertThat(jdbc.queryForObject("select count(*) from databasechangelog", Integer.class)).isPositive();
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("users", "workspaces", "memberships", "api_keys");
    }

    @Test
    void usersRoundTripAndEmailsAreUnique() {
        User user = newUser();
        users.add(user);

        assertThat(users.findByEmail(user.email())).contains(user);
        assertThat(users.findById(user.id())).contains(user);
        User sameEmail = User.create(user.email(), new PasswordHash("other"), now);
        assertThatThrownBy(() -> users.add(sameEmail))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT));
    }

    @Test
    void workspacesAndMembershipsRoundTrip() {
        User user = newUser();
        users.add(user);
        Workspace first = Workspace.create("First", now);
        Workspace second = Workspace.create("Second", now.plusSeconds(1));
        workspaces.add(first);
        workspaces.add(second);
        workspaces.addMember(new Membership(second.id(), user.id(), Role.ADMIN, now.plusSeconds(1)));
        workspaces.addMember(new Membership(first.id(), user.id(), Role.OWNER, now));

        assertThat(workspaces.findById(first.id())).contains(first);
        assertThat(workspaces.membershipsOf(user.id())).extracting(Membership::workspaceId)
                .containsExactly(first.id(), second.id());
        assertThat(workspaces.findMembership(second.id(), user.id())).get()
                .extracting(Membership::role).isEqualTo(Role.ADMIN);
    }

    @Test
    void keysRoundTripByHashWithScopesAndDates() {
        Workspace workspace = newWorkspace();
        IssuedApiKey issued = ApiKey.issue(workspace.id(), "Backend", KeyType.RESTRICTED, Environment.LIVE,
                Set.of(new Scope("resources:read"), Scope.KEYS_READ), 600, now.plusSeconds(3600), now, RANDOM);
        keys.add(issued.key());

        assertThat(keys.findByHash(issued.secret().hash())).contains(issued.key());
        assertThat(jdbc.queryForObject("select count(*) from api_keys where key_hash = ?", Integer.class,
                issued.secret().hash().hex())).isEqualTo(1);
        // the key itself is stored nowhere
        assertThat(jdbc.queryForList("select concat_ws('|', id, name, prefix, last4, key_hash, scopes::text) from api_keys",
                String.class)).noneMatch(row -> row.contains(issued.secret().reveal()));
    }

    @Test
    void listingIsNewestFirstPagedByCursorAndConfinedToWorkspaceAndEnvironment() {
        Workspace workspace = newWorkspace();
        Workspace other = newWorkspace();
        List<ApiKey> testKeys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ApiKey key = issue(workspace, Environment.TEST, now.plusSeconds(i));
            testKeys.add(0, key);
        }
        issue(workspace, Environment.LIVE, now);
        issue(other, Environment.TEST, now);

        List<ApiKey> firstPage = keys.list(workspace.id(), Environment.TEST, null, 2);
        List<ApiKey> secondPage = keys.list(workspace.id(), Environment.TEST, firstPage.getLast().id().value(), 2);
        List<ApiKey> lastPage = keys.list(workspace.id(), Environment.TEST, secondPage.getLast().id().value(), 2);

        assertThat(firstPage).containsExactlyElementsOf(testKeys.subList(0, 2));
        assertThat(secondPage).containsExactlyElementsOf(testKeys.subList(2, 4));
        assertThat(lastPage).containsExactlyElementsOf(testKeys.subList(4, 5));
        // a cursor from another workspace yields nothing rather than that workspace's keys
        assertThat(keys.list(other.id(), Environment.TEST, firstPage.getFirst().id().value(), 10)).isEmpty();
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        User user = newUser();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(user);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(users.findById(user.id())).isEmpty();
    }

    private ApiKey issue(Workspace workspace, Environment environment, Instant createdAt) {
        ApiKey key = ApiKey.issue(workspace.id(), "k", KeyType.SECRET, environment, Set.copyOf(Scope.PLATFORM), 60,
                null, createdAt, RANDOM).key();
        keys.add(key);
        return key;
    }

    private Workspace newWorkspace() {
        Workspace workspace = Workspace.create("Acme", now);
        workspaces.add(workspace);
        return workspace;
    }

    private User newUser() {
        return User.create(new Email(UUID.randomUUID() + "@example.com"), new PasswordHash("$2a$10$hash"), now);
    }
}
