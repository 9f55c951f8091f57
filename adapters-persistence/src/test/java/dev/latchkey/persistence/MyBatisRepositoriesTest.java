package dev.latchkey.persistence;

import dev.latchkey.application.port.out.Transactions;
import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.workspace.Membership;
import dev.latchkey.domain.workspace.Plan;
import dev.latchkey.domain.workspace.Role;
import dev.latchkey.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisRepositoriesTest {

    // PostgreSQL keeps microseconds
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Autowired MyBatisUserRepository users;
    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired Transactions transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void liquibaseCreatedTheSchema() {
        assertThat(jdbc.queryForObject("select count(*) from databasechangelog", Integer.class)).isPositive();
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'",
                String.class)).contains("users", "workspaces", "memberships", "api_keys", "key_usage_minutes",
                "key_usage_days", "idempotency_records", "audit_events");
    }

    @Test
    void aWorkspacesPlanChangesAndItsLockMakesASecondLockerWait() throws Exception {
        Workspace workspace = Workspace.create("Planned", Instant.now().truncatedTo(ChronoUnit.MILLIS));
        workspaces.add(workspace);

        assertThat(workspaces.updatePlan(workspace.id(), Plan.SCALE)).isTrue();
        assertThat(workspaces.findById(workspace.id()).orElseThrow().plan()).isEqualTo(Plan.SCALE);
        assertThat(workspaces.updatePlan(dev.latchkey.domain.workspace.WorkspaceId.newId(), Plan.PRO)).isFalse();

        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = Thread.ofPlatform().start(() -> transactions.inTransaction(() -> {
            workspaces.findByIdForUpdate(workspace.id());
            locked.countDown();
            try {
                release.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(locked.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        Throwable waited = org.assertj.core.api.Assertions.catchThrowable(() -> transactions.inTransaction(() -> {
            jdbc.execute("set local lock_timeout = '200ms'");
            return workspaces.findByIdForUpdate(workspace.id());
        }));
        release.countDown();
        holder.join(10_000);
        assertThat(waited).as("the second locker timed out waiting").isNotNull();
        assertThat(transactions.inTransaction(() -> workspaces.findByIdForUpdate(workspace.id()))).isPresent();
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
    void aFailedTransactionLeavesNothingBehind() {
        User user = newUser();
        assertThatThrownBy(() -> transactions.inTransaction(() -> {
            users.add(user);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(users.findById(user.id())).isEmpty();
    }

    private User newUser() {
        return User.create(new Email(UUID.randomUUID() + "@example.com"), new PasswordHash("$2a$10$hash"), now);
    }
}
