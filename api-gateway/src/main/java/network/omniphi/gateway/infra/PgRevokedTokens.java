package network.omniphi.gateway.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.gateway.config.AuthConfig;
import network.omniphi.gateway.domain.auth.RevokedTokens;
import network.omniphi.gateway.domain.auth.VerifiedToken;

/**
 * {@link RevokedTokens} in PostgreSQL ({@code revoked_tokens}) with an in-memory set of the revoked, not yet expired
 * jtis, so the check on every authenticated request is one hash lookup. A logout inserts its row (durable before the
 * 204) and adds the jti to this replica's set at once; every {@code omniphi.gateway.auth.revocation-refresh} each
 * replica reads the rows revoked since its last read, so another replica may accept a logged-out token for at most
 * that interval. Rows are read again for {@link #OVERLAP} after their {@code revoked_at}, since a transaction that
 * stamped an earlier time may commit after a later one; the window is kept in database time. The set holds at most the tokens revoked within one token
 * lifetime: entries leave it once their token has expired.
 */
@ApplicationScoped
public class PgRevokedTokens implements RevokedTokens {

    private static final Logger LOG = Logger.getLogger(PgRevokedTokens.class);
    static final Duration OVERLAP = Duration.ofSeconds(60);

    private final Pool pool;
    private final Clock clock;
    private final Duration skew;
    private final Map<UUID, Instant> revoked = new ConcurrentHashMap<>();
    private volatile Instant readUpTo = Instant.EPOCH;

    public PgRevokedTokens(Pool pool, Clock clock, AuthConfig config) {
        this.pool = pool;
        this.clock = clock;
        this.skew = config.clockSkew();
    }

    @Override
    public Uni<Void> revoke(VerifiedToken token) {
        return pool.preparedQuery("INSERT INTO revoked_tokens (jti, wallet_address, expires_at) VALUES ($1, $2, $3)"
                + " ON CONFLICT (jti) DO NOTHING")
                .execute(Tuple.of(token.jti(), token.walletAddress(), utc(token.expiresAt())))
                .invoke(v -> revoked.put(token.jti(), token.expiresAt()))
                .replaceWithVoid();
    }

    @Override
    public boolean isRevoked(UUID jti) {
        return revoked.containsKey(jti);
    }

    void loadAtStartup(@Observes StartupEvent start) {
        refresh().await().atMost(Duration.ofSeconds(30));
    }

    /** Reads the rows revoked since the last read (all unexpired ones the first time) and forgets expired tokens. */
    @Scheduled(every = "${omniphi.gateway.auth.revocation-refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        Instant since = readUpTo.equals(Instant.EPOCH) ? Instant.EPOCH : readUpTo.minus(OVERLAP);
        Instant now = clock.instant();
        return pool.preparedQuery("SELECT jti, expires_at, revoked_at FROM revoked_tokens"
                + " WHERE revoked_at >= $1 AND expires_at > $2")
                .execute(Tuple.of(utc(since), utc(now.minus(skew))))
                .invoke(this::remember)
                .invoke(v -> forgetExpired(now))
                .onFailure().invoke(t -> LOG.warnf("reading revoked tokens failed, keeping the known ones: %s",
                        t.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void remember(RowSet<Row> rows) {
        Instant newest = readUpTo;
        for (Row row : rows) {
            revoked.put(row.getUUID("jti"), row.getOffsetDateTime("expires_at").toInstant());
            Instant at = row.getOffsetDateTime("revoked_at").toInstant();
            newest = at.isAfter(newest) ? at : newest;
        }
        readUpTo = newest; // database time only, so the gateway's clock cannot open a gap
    }

    /** A token past its expiry (and the verifier's skew) is refused anyway; its entry is no longer needed. */
    private void forgetExpired(Instant now) {
        Instant cutoff = now.minus(skew);
        revoked.values().removeIf(expiresAt -> expiresAt.isBefore(cutoff));
    }

    @Scheduled(every = "${omniphi.gateway.auth.purge-interval:5m}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purge() {
        return pool.preparedQuery("DELETE FROM revoked_tokens WHERE expires_at < $1")
                .execute(Tuple.of(utc(clock.instant().minus(skew).minus(OVERLAP))))
                .onFailure().invoke(t -> LOG.warnf("purging revoked tokens failed: %s", t.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    int tracked() {
        return revoked.size();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
