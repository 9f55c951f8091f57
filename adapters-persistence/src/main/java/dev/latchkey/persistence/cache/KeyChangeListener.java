package dev.latchkey.persistence.cache;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears the key changes of every node ({@code LISTEN} on {@link KeyChange#CHANNEL}, on one connection of its own) and
 * applies them to this node's cache. While it is not listening (starting, the database unreachable, the connection
 * lost) the cache keeps nothing; each time it (re)starts listening the cache forgets everything, since announcements
 * may have been missed meanwhile. A quiet connection is checked every {@code checkEvery}, so that a connection lost
 * without a word is noticed too.
 */
public final class KeyChangeListener implements SmartLifecycle {

    private static final Logger log = Logger.getLogger(KeyChangeListener.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final CachingApiKeyRepository cache;
    private final Duration checkEvery;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    private volatile int backendPid;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public KeyChangeListener(DataSource dataSource, CachingApiKeyRepository cache, Duration checkEvery) {
        this.dataSource = dataSource;
        this.cache = cache;
        this.checkEvery = checkEvery;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().daemon().name("latchkey-key-changes").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread listening = thread;
        if (listening != null) {
            listening.interrupt();
            closeQuietly(connection); // ends a wait for notifications at once
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cache.listening(false);
    }

    /** The database session listening now (0 when none): for operators and tests. */
    public int backendPid() {
        return backendPid;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the data source (started as a bean, before any lifecycle) and before the web server takes requests. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }

    private void listen() {
        Duration retry = FIRST_RETRY;
        try {
            while (running) {
                try (Connection opened = dataSource.getConnection()) {
                    connection = opened;
                    opened.setAutoCommit(true);
                    PGConnection postgres = opened.unwrap(PGConnection.class);
                    try (Statement statement = opened.createStatement()) {
                        statement.execute("SET application_name = 'latchkey-key-changes'");
                        statement.execute("LISTEN " + KeyChange.CHANNEL);
                        backendPid = postgres.getBackendPID();
                        cache.listening(true);
                        retry = FIRST_RETRY;
                        while (running) {
                            PGNotification[] notifications = postgres.getNotifications((int) checkEvery.toMillis());
                            if (notifications == null || notifications.length == 0) {
                                statement.execute("SELECT 1"); // a lost connection fails here
                                continue;
                            }
                            for (PGNotification notification : notifications) {
                                KeyChange.parse(notification.getParameter()).ifPresentOrElse(cache::apply,
                                        cache::forgetAll);
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    cache.listening(false);
                    if (!running) {
                        return;
                    }
                    log.log(Level.WARNING, "not hearing key changes (the key cache is off until this reconnects): {0}",
                            e.getClass().getName());
                    sleep(retry);
                    retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                } finally {
                    connection = null;
                    backendPid = 0;
                }
            }
        } finally {
            cache.listening(false);
            stopped.countDown();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            // the driver's own connection: closing the pool's proxy would only hand it back to the pool
            connection.unwrap(Connection.class).close();
        } catch (SQLException | RuntimeException ignored) {
            // it is being closed anyway
        }
    }
}
