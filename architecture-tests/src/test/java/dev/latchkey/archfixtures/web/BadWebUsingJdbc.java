package dev.latchkey.archfixtures.web;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Breaks persistenceTechnologyStaysInPersistence: JDBC (java.sql, javax.sql) in web. */
public final class BadWebUsingJdbc {

    private final DataSource dataSource;

    public BadWebUsingJdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean ping() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(1);
        }
    }
}
