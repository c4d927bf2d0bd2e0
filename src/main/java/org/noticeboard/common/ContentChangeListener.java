package org.noticeboard.common;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Hears every content change made through any instance (or by hand in psql): the {@code content_changes}
 * trigger notifies the channel of the same name at commit, and this instance listens on a connection of its
 * own. It also knows the next moment the output changes with no write at all — a scheduled post going live,
 * a post's comments closing by the site's rule — on the database's clock, and clears the cache then.
 * When the connection is lost, changes may be missed, so the cache is switched off until it is back.
 */
@ApplicationScoped
public class ContentChangeListener {

    static final String CHANNEL = "content_changes";
    /** How operators (and tests) find this connection in pg_stat_activity. */
    static final String APPLICATION_NAME = "noticeboard content-change listener";
    private static final Logger LOG = Logger.getLogger(ContentChangeListener.class);
    /** How often a quiet connection is checked, so that a database that went away is noticed soon. */
    private static final long HEARTBEAT_MILLIS = 2_000;
    private static final long RECONNECT_MILLIS = 1_000;

    /**
     * Seconds from now (the database's) to the next timed change, or null. Comments close a fixed number of days
     * after publication on open posts; published_at within that window means the closing is still ahead.
     */
    private static final String SECONDS_TO_NEXT_TIMED_CHANGE = """
            select extract(epoch from least(
                       (select min(published_at) from posts where post_is_scheduled(status, published_at)),
                       (select min(p.published_at) + make_interval(days => s.comments_auto_close_days)
                        from posts p
                        where post_is_public(p.status, p.published_at) and p.comment_status = 'open'
                          and p.published_at > now() - make_interval(days => s.comments_auto_close_days))
                   ) - now())
            from site_settings s""";

    private final String url;
    private final Properties connectionProperties = new Properties();
    private final ResponseCache cache;
    private volatile boolean running;
    private volatile String lastHeard;
    private Thread thread;

    /** A connection of its own rather than one of the pool's, which it would hold for ever. */
    ContentChangeListener(ResponseCache cache,
                          @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") Optional<String> username,
                          @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.url = url;
        username.ifPresent(user -> connectionProperties.setProperty("user", user));
        password.ifPresent(secret -> connectionProperties.setProperty("password", secret));
        connectionProperties.setProperty("ApplicationName", APPLICATION_NAME);
        connectionProperties.setProperty("connectTimeout", "2");
        connectionProperties.setProperty("socketTimeout", "10");
        connectionProperties.setProperty("tcpKeepAlive", "true");
    }

    void start(@Observes StartupEvent started) {
        if (!cache.enabled()) {
            return;
        }
        running = true;
        thread = new Thread(this::listen, "content-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void listen() {
        boolean lostReported = false;
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, connectionProperties);
                 Statement statement = connection.createStatement()) {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                statement.execute("listen " + CHANNEL);
                cache.listening(untilNextTimedChange(statement));
                if (lostReported) {
                    LOG.info("Hearing content changes again: the response cache is back on");
                    lostReported = false;
                }
                while (running) {
                    PGNotification[] heard = notifications.getNotifications((int) waitMillis());
                    boolean changed = heard != null && heard.length > 0;
                    if (changed) {
                        lastHeard = heard[heard.length - 1].getParameter();
                    }
                    if (changed || cache.expired()) {
                        cache.invalidateAll();
                        cache.validUntil(untilNextTimedChange(statement));
                    } else {
                        statement.execute("select 1");
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.deaf();
                if (!lostReported && running) {
                    LOG.warnf("Cannot hear content changes (%s): the response cache is off until the database answers",
                            e.getMessage());
                    lostReported = true;
                }
                pause();
            }
        }
    }

    /** The payload of the last notification heard: a test sends its own to know that all before it were heard. */
    String lastHeard() {
        return lastHeard;
    }

    private long waitMillis() {
        long untilChange = cache.nanosUntilTimedChange();
        if (untilChange < 0) {
            return HEARTBEAT_MILLIS;
        }
        return Math.max(1, Math.min(HEARTBEAT_MILLIS, TimeUnit.NANOSECONDS.toMillis(untilChange) + 1));
    }

    private static Duration untilNextTimedChange(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery(SECONDS_TO_NEXT_TIMED_CHANGE)) {
            if (!row.next() || row.getBigDecimal(1) == null) {
                return null;
            }
            return Duration.ofNanos(row.getBigDecimal(1).movePointRight(9).longValue());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
