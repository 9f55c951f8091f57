package dev.latchkey.persistence;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/** Query plans on the test database, sequential scans discouraged: shows which index a query can use. */
final class PersistenceTestPlans {

    private PersistenceTestPlans() {
    }

    static String explain(PlatformTransactionManager transactionManager, JdbcTemplate jdbc, String sql,
                          List<Object> parameters) {
        // one transaction: "set local" and the explain run on the same connection
        return new TransactionTemplate(transactionManager).execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            return String.join("\n", jdbc.queryForList("explain " + sql, String.class, parameters.toArray()));
        });
    }
}
