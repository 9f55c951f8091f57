package dev.latchkey.persistence;

import dev.latchkey.domain.common.DomainException;
import dev.latchkey.domain.common.ErrorCode;
import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.MyBatisSystemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreFailuresTest {

    @Test
    void anUnreachableDatabaseIsUnavailableHoweverItIsWrapped() {
        RuntimeException wrappedByMyBatis = new MyBatisSystemException("nested",
                new PersistenceException(new CannotGetJdbcConnectionException("no connection",
                        new SQLTransientConnectionException("pool timed out"))));
        RuntimeException brokenConnection = new RuntimeException(new SQLException("I/O error", "08006"));

        for (RuntimeException failure : new RuntimeException[]{wrappedByMyBatis, brokenConnection}) {
            assertThatThrownBy(() -> StoreFailures.guard(() -> {
                throw failure;
            })).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.UNAVAILABLE);
                assertThat(e.getMessage()).doesNotContain("pool").doesNotContain("08006");
            });
        }
    }

    @Test
    void otherFailuresPassThroughUnchanged() {
        DuplicateKeyException duplicate = new DuplicateKeyException("users_email_uq");
        DomainException conflict = new DomainException(ErrorCode.CONFLICT, "taken");
        assertThat(StoreFailures.translate(duplicate)).isSameAs(duplicate);
        assertThat(StoreFailures.translate(conflict)).isSameAs(conflict);
        assertThat(StoreFailures.guard(() -> "answer")).isEqualTo("answer");
    }
}
