package dev.latchkey.persistence.cache;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.context.SmartLifecycle;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hears the changes of every node ({@code LISTEN} on {@link KeyChange#CHANNEL}, on one connection of its own: key
 * changes and workspace lock changes, see {@link Announcement}) and applies each to every cache of this node that
 * follows them. While it is not listening (starting, the database unreachable, the connection lost) the caches keep
 * nothing; each time it (re)starts listening they forget everything, since announcements may have been missed
 * meanwhile. An announcement it cannot read makes them forget everything too. A quiet connection is checked every
 * {@code checkEvery}, so that a connection lost without a word is noticed too.
 */
public final class KeyChangeListener implements SmartLifecycle {

    private static final Logger log = Logger.getLogger(KeyChangeListener.class.getName());
    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    private static final Duration LAST_RETRY = Duration.ofSeconds(5);

    private final DataSource dataSource;
    private final List<ChangeFollower> caches;
    private final Duration checkEvery;
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Connection connection;
    private volatile int backendPid;
    private final CountDownLatch stopped = new CountDownLatch(1);

    public KeyChangeListener(DataSource dataSource, List<? extends ChangeFollower> caches, Duration checkEvery) {
        if (caches.isEmpty()) {
            throw new IllegalArgumentException("nothing to keep in step");
        }
        this.dataSource = dataSource;
        this.caches = List.copyOf(caches);
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
        Thread listener = thread;
        if (listener != null) {
            listener.interrupt();
            closeQuietly(connection); // ends a wait for notifications at once
            try {
                stopped.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        listening(false);
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
                        listening(true);
                        retry = FIRST_RETRY;
                        while (running) {
                            PGNotification[] notifications = postgres.getNotifications((int) checkEvery.toMillis());
                            if (notifications == null || notifications.length == 0) {
                                statement.execute("SELECT 1"); // a lost connection fails here
                                continue;
                            }
                            for (PGNotification notification : notifications) {
                                Announcement.parse(notification.getParameter()).ifPresentOrElse(this::heard,
                                        this::forgetAll);
                            }
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    listening(false);
                    if (!running) {
                        return;
                    }
                    log.log(Level.WARNING, "not hearing key changes (the key and lock caches are off until this "
                            + "reconnects): {0}", e.getClass().getName());
                    sleep(retry);
                    retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
                } finally {
                    connection = null;
                    backendPid = 0;
                }
            }
        } finally {
            listening(false);
            stopped.countDown();
        }
    }

    private void heard(Announcement announcement) {
        caches.forEach(cache -> cache.heard(announcement));
    }

    private void forgetAll() {
        caches.forEach(ChangeFollower::forgetAll);
    }

    private void listening(boolean listening) {
        caches.forEach(cache -> cache.listening(listening));
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
