package dev.latchkey.persistence;

import dev.latchkey.application.port.out.WorkspaceRepository;
import dev.latchkey.application.port.out.contract.WorkspaceRepositoryContract;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import dev.latchkey.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisWorkspaceRepositoryContractTest extends WorkspaceRepositoryContract {

    @Autowired MyBatisWorkspaceRepository workspaces;
    @Autowired MyBatisUserRepository users;
    @Autowired JdbcTemplate jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @Override
    protected WorkspaceRepository workspaces() {
        return workspaces;
    }

    @Override
    protected UserId newUser(Email email) {
        User user = User.create(email, new PasswordHash("$2a$12$not-a-real-hash"), T0);
        users.add(user);
        return user.id();
    }

    @Test
    void theMemberListingReadsThroughTheWorkspaceIndex() {
        assertThat(PersistenceTestPlans.explain(transactionManager, jdbc, """
                select m.user_id from memberships m where m.workspace_id = 'ws'
                order by m.joined_at, m.user_id limit 21""", List.of())).contains("memberships_workspace_idx");
    }
}
