package dev.latchkey.archfixtures.dashboard;

import org.apache.ibatis.session.SqlSession;
import org.springframework.jdbc.core.JdbcTemplate;

/** Breaks persistenceTechnologyStaysInPersistence: MyBatis (org.apache.ibatis) and Spring JDBC in the dashboard. */
public final class BadDashboardUsingMyBatis {

    public Object one(SqlSession session, String statement) {
        return session.selectOne(statement);
    }

    public int count(JdbcTemplate jdbc) {
        Integer count = jdbc.queryForObject("select count(*) from thing", Integer.class);
        return count == null ? 0 : count;
    }
}
