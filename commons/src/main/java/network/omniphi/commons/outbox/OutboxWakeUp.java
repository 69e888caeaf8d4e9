package network.omniphi.commons.outbox;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Wakes the outbox relay when a transaction that wrote an outbox row commits, instead of leaving the row until the
 * relay's next poll. {@link OutboxWriter} runs {@code NOTIFY omniphi_outbox} inside the writing transaction, and
 * PostgreSQL delivers a notification only when (and if) that transaction commits (docs: SQL command NOTIFY); this class
 * holds one connection of the service's pool in {@code LISTEN omniphi_outbox} and runs a relay round on each
 * notification. Any replica's listener hears any replica's commits; the rows are still taken with
 * {@code FOR UPDATE SKIP LOCKED}, so a wake-up never sends a row twice at once.
 *
 * <p>
 * The poll stays as the fallback: a notification that is lost (listener reconnecting, database failover) only means
 * the row waits for the next poll, as before. A lost listening connection is reopened after one second.
 */
@ApplicationScoped
public class OutboxWakeUp {

    /** The channel {@link OutboxWriter} notifies and this class listens to. */
    public static final String CHANNEL = "omniphi_outbox";
    private static final Logger LOG = Logger.getLogger(OutboxWakeUp.class);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final Pool pool;
    private final Vertx vertx;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile PgConnection connection;

    public OutboxWakeUp(Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
    }

    /** Listens from now on and calls {@code wake} for every committed outbox write (and once when listening starts). */
    public void listen(Runnable wake) {
        if (stopped.get()) {
            return;
        }
        pool.getConnection().map(PgConnection::cast).subscribe().with(conn -> {
            if (stopped.get()) {
                conn.closeAndForget();
                return;
            }
            conn.notificationHandler(n -> wake.run());
            conn.closeHandler(() -> {
                if (connection == conn && !stopped.get()) {
                    LOG.debug("outbox wake-up: the listening connection closed; listening again shortly");
                    connection = null;
                    retry(wake);
                }
            });
            conn.query("LISTEN " + CHANNEL).execute().subscribe().with(ok -> {
                connection = conn;
                wake.run(); // rows committed before LISTEN took effect are not notified to us: look once now
            }, failure -> {
                LOG.debugf("outbox wake-up: LISTEN failed (%s); listening again shortly", failure.toString());
                conn.closeAndForget();
                retry(wake);
            });
        }, failure -> {
            LOG.debugf("outbox wake-up: no connection (%s); polling only until it is back", failure.toString());
            retry(wake);
        });
    }

    void start(@Observes StartupEvent event, OutboxConfig config, OutboxRelay relay) {
        if (config.enabled()) {
            listen(relay::wake);
        }
    }

    /** Whether a connection is listening now (tests, diagnostics). */
    public boolean listening() {
        return connection != null;
    }

    private void retry(Runnable wake) {
        if (!stopped.get()) {
            vertx.setTimer(RETRY.toMillis(), id -> listen(wake));
        }
    }

    @PreDestroy
    void stop() {
        stopped.set(true);
        PgConnection conn = connection;
        connection = null;
        if (conn != null) {
            // back to the pool without the LISTEN (the pool is closing too when the application stops)
            conn.query("UNLISTEN *").execute().onItemOrFailure().transformToUni((r, f) -> conn.close())
                    .subscribe().with(ok -> {
                    }, failure -> LOG.debugf("outbox wake-up: closing the listener: %s", failure.toString()));
        }
    }
}
