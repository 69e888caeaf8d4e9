package network.omniphi.gateway.infra;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.gateway.domain.GatewayException;
import network.omniphi.gateway.domain.IdempotencyKeys;

/**
 * {@link IdempotencyKeys}: lookups on the reactive client (one statement, no session); the record is written through
 * the current Hibernate Reactive session so that it commits or rolls back with the setup it names.
 */
@ApplicationScoped
public class PgIdempotencyKeys implements IdempotencyKeys {

    private final Pool pool;
    private final Clock clock;

    public PgIdempotencyKeys(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    @Override
    public Uni<Recorded> find(String walletAddress, String key) {
        return pool.preparedQuery("SELECT request_fingerprint, setup_request_id FROM setup_idempotency_keys"
                + " WHERE wallet_address = $1 AND idempotency_key = $2")
                .execute(Tuple.of(walletAddress, key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Recorded(r.getString("request_fingerprint"), r.getUUID("setup_request_id"));
                });
    }

    @Override
    public Uni<Void> record(String walletAddress, String key, String fingerprint, UUID setupRequestId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "INSERT INTO setup_idempotency_keys (wallet_address, idempotency_key, request_fingerprint,"
                        + " setup_request_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, walletAddress).setParameter(2, key).setParameter(3, fingerprint)
                .setParameter(4, setupRequestId).setParameter(5, clock.instant().atOffset(ZoneOffset.UTC))
                .executeUpdate())
                .replaceWithVoid()
                .onFailure(ConstraintViolationException.class)
                .transform(t -> new GatewayException.SetupConflict("idempotency-key-in-flight",
                        "Another request with this Idempotency-Key is being processed."));
    }
}
