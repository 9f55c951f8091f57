package dev.latchkey.persistence;

import dev.latchkey.application.port.out.UserRepository;
import dev.latchkey.application.port.out.contract.UserRepositoryContract;
import dev.latchkey.domain.user.Email;
import dev.latchkey.domain.user.PasswordHash;
import dev.latchkey.domain.user.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = PersistenceTestApplication.class)
class MyBatisUserRepositoryContractTest extends UserRepositoryContract {

    @Autowired MyBatisUserRepository users;
    @Autowired JdbcTemplate jdbc;

    @Override
    protected UserRepository users() {
        return users;
    }

    @Test
    void aUserStoredBeforeTheColumnsExistedReadsAsNeverChanged() {
        String id = "usr_" + UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        String email = UUID.randomUUID() + "@example.com";
        // what the rows written before this change look like: the new columns take their defaults
        jdbc.update("insert into users (id, email, password_hash, created_at) values (?, ?, ?, now())", id, email,
                "$2a$12$old");

        User user = users.findByEmail(new Email(email)).orElseThrow();

        assertThat(user.tokenVersion()).isZero();
        assertThat(user.passwordChangedAt()).isNull();
        assertThat(user.passwordHash()).isEqualTo(new PasswordHash("$2a$12$old"));
    }

    @Test
    void theColumnsHaveTheRightShape() {
        assertThat(jdbc.queryForList("select column_name || ' ' || data_type || ' ' || is_nullable "
                        + "from information_schema.columns where table_name = 'users' "
                        + "and column_name in ('password_changed_at', 'token_version')", String.class))
                .containsExactlyInAnyOrder("password_changed_at timestamp with time zone YES",
                        "token_version integer NO");
    }
}
