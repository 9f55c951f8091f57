package dev.latchkey.archfixtures.application.port.out;

import java.sql.Connection;

/**
 * Breaks applicationIsFrameworkFree (JDBC in an outbound port) and persistenceTechnologyStaysInPersistence.
 * Its name alone (*Port in port.out) is fine.
 */
public interface BadJdbcPort {

    void run(Connection connection);
}
