package dev.latchkey.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import javax.sql.DataSource;
import java.io.IOException;

/** This module alone on a real (embedded, throw-away) PostgreSQL, with Liquibase and MyBatis auto-configured. */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = PersistenceConfiguration.class)
class PersistenceTestApplication {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}
