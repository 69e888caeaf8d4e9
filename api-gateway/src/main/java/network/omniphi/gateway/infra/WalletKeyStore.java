package network.omniphi.gateway.infra;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.gateway.domain.WalletKeys;

/** {@link WalletKeys} on the reactive PostgreSQL client (upsert; last login wins). */
@ApplicationScoped
public class WalletKeyStore implements WalletKeys {

    private final Pool pool;

    public WalletKeyStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Void> remember(String walletAddress, byte[] compressedPubKey) {
        if (compressedPubKey == null || compressedPubKey.length != 33) {
            return Uni.createFrom().failure(new IllegalArgumentException("a compressed secp256k1 key has 33 bytes"));
        }
        return pool.preparedQuery("INSERT INTO wallet_keys (wallet_address, pub_key, updated_at) VALUES ($1, $2, now())"
                + " ON CONFLICT (wallet_address) DO UPDATE SET pub_key = excluded.pub_key, updated_at = now()")
                .execute(Tuple.of(walletAddress, Buffer.buffer(compressedPubKey).getDelegate())).replaceWithVoid();
    }

    @Override
    public Uni<byte[]> find(String walletAddress) {
        return pool.preparedQuery("SELECT pub_key FROM wallet_keys WHERE wallet_address = $1")
                .execute(Tuple.of(walletAddress))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    return row.getBuffer("pub_key").getBytes();
                });
    }
}
