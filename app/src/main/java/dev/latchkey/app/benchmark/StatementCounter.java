package dev.latchkey.app.benchmark;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The number of statements the database has executed so far, from PostgreSQL's own {@code pg_stat_statements} (all
 * databases and connections, the app's background work included), leaving out the queries that read it. A load run
 * takes the difference across a measurement and divides it by the requests served.
 * <p>
 * The module has to be preloaded ({@code shared_preload_libraries}: the {@code benchmark} profile sets it for the
 * embedded PostgreSQL); where it is not, {@link #count} says so instead of guessing.
 */
final class StatementCounter {

    private static final Logger log = LoggerFactory.getLogger(StatementCounter.class);

    /** Its own text contains {@code pg_stat_statements}, so it leaves itself out. */
    static final String COUNT = "select coalesce(sum(calls), 0)::bigint from pg_stat_statements "
            + "where query not like '%pg_stat_statements%'";

    record Count(boolean available, long statements, String source, String reason) {
    }

    private final JdbcTemplate jdbc;
    private volatile String unavailable;

    StatementCounter(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Creates the extension if it is missing and checks that it can be read. */
    void prepare() {
        try {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.queryForObject(COUNT, Long.class);
            unavailable = null;
            log.info("benchmark profile: counting database statements with pg_stat_statements");
        } catch (DataAccessException e) {
            Throwable cause = e.getMostSpecificCause();
            unavailable = "pg_stat_statements is not usable: " + cause.getMessage();
            log.warn("benchmark profile: {}", unavailable);
        }
    }

    Count count() {
        if (unavailable != null) {
            return new Count(false, -1, "none", unavailable);
        }
        Long calls = jdbc.queryForObject(COUNT, Long.class);
        return new Count(true, calls == null ? 0 : calls, "pg_stat_statements", null);
    }
}
