package network.omniphi.gateway.infra;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.gateway.domain.auth.LoginChallenge;
import network.omniphi.gateway.domain.auth.LoginNonces;

/** {@link LoginNonces} on the reactive PostgreSQL client; consumption is one DELETE … RETURNING statement. */
@ApplicationScoped
public class PgLoginNonces implements LoginNonces {

    private static final Logger LOG = Logger.getLogger(PgLoginNonces.class);

    private final Pool pool;
    private final Clock clock;

    public PgLoginNonces(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Uni<Void> save(LoginChallenge c) {
        return pool.preparedQuery("INSERT INTO login_nonces (nonce, wallet_address, message, created_at, expires_at)"
                + " VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(c.nonce(), c.walletAddress(), c.message(), utc(clock.instant()),
                        utc(c.expiresAt())))
                .replaceWithVoid();
    }

    @Override
    public Uni<Instant> consume(String nonce, String walletAddress, String message) {
        return pool.preparedQuery("DELETE FROM login_nonces WHERE nonce = $1 AND wallet_address = $2 AND message = $3"
                + " RETURNING expires_at")
                .execute(Tuple.of(nonce, walletAddress, message))
                .map(rows -> rows.size() == 0
                        ? null
                        : rows.iterator().next().getOffsetDateTime("expires_at").toInstant());
    }

    @Override
    public Uni<Integer> purgeExpired(Instant cutoff) {
        return pool.preparedQuery("DELETE FROM login_nonces WHERE expires_at < $1")
                .execute(Tuple.of(utc(cutoff))).map(rows -> rows.rowCount());
    }

    @Scheduled(every = "${omniphi.gateway.auth.purge-interval:5m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return purgeExpired(clock.instant())
                .invoke(n -> LOG.debugf("purged %d expired login challenges", n))
                .onFailure().invoke(t -> LOG.warnf("purging login challenges failed: %s", t.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
