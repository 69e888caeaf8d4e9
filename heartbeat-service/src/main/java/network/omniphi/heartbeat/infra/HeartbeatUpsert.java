package network.omniphi.heartbeat.infra;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import network.omniphi.heartbeat.domain.HeartbeatWrite;
import network.omniphi.heartbeat.domain.StoreOutcome;

/**
 * One multi-row conditional upsert for a batch of heartbeats with distinct keys. A row changes only if the stored
 * signed timestamp is older and the wallet is the same, so the statement is also the replay guard across replicas.
 * Rows the statement did not touch are looked up once to tell a replay from a key bound to another wallet.
 */
@ApplicationScoped
public class HeartbeatUpsert {

    static final String UPSERT = "INSERT INTO local_validator_heartbeats AS h (consensus_pubkey, wallet_address,"
            + " first_seen, last_seen, heartbeat_ts, block_height, uptime_seconds, local_rpc_port, local_p2p_port,"
            + " height_changed_at)"
            + " SELECT k, w, r, r, t, b, u, rp, pp, r FROM UNNEST($1::text[], $2::text[], $3::timestamptz[],"
            + " $4::timestamptz[], $5::bigint[], $6::bigint[], $7::int[], $8::int[]) AS x(k, w, r, t, b, u, rp, pp)"
            + " ON CONFLICT (consensus_pubkey) DO UPDATE SET last_seen = GREATEST(h.last_seen, excluded.last_seen),"
            + " heartbeat_ts = excluded.heartbeat_ts, block_height = excluded.block_height,"
            + " uptime_seconds = excluded.uptime_seconds, local_rpc_port = excluded.local_rpc_port,"
            + " local_p2p_port = excluded.local_p2p_port,"
            + " height_changed_at = CASE WHEN excluded.block_height <> h.block_height"
            + " THEN excluded.last_seen ELSE h.height_changed_at END"
            + " WHERE h.heartbeat_ts < excluded.heartbeat_ts AND h.wallet_address = excluded.wallet_address"
            + " RETURNING h.consensus_pubkey, h.setup_request_id, (h.xmax = 0) AS inserted,"
            + " (h.setup_request_id IS NULL AND EXISTS (SELECT 1 FROM local_setups s"
            + " WHERE s.wallet_address = h.wallet_address AND s.status = 'pending')) AS binding_candidate";

    static final String OWNERS = "SELECT consensus_pubkey, wallet_address FROM local_validator_heartbeats"
            + " WHERE consensus_pubkey = ANY($1::text[])";

    private final Pool pool;

    public HeartbeatUpsert(Pool pool) {
        this.pool = pool;
    }

    /** Writes the batch (keys must be distinct) and returns one outcome per write, in the same order. */
    public Uni<List<StoreOutcome>> write(List<HeartbeatWrite> batch) {
        return pool.preparedQuery(UPSERT).execute(parameters(batch))
                .flatMap(rows -> outcomes(batch, rows));
    }

    private Uni<List<StoreOutcome>> outcomes(List<HeartbeatWrite> batch, RowSet<Row> rows) {
        Map<String, StoreOutcome> byKey = new HashMap<>(rows.size() * 2);
        for (Row row : rows) {
            byKey.put(row.getString("consensus_pubkey"), StoreOutcome.accepted(row.getString("setup_request_id"),
                    row.getBoolean("inserted"), row.getBoolean("binding_candidate")));
        }
        if (byKey.size() == batch.size()) {
            return Uni.createFrom().item(inOrder(batch, byKey));
        }
        Map<String, String> walletOfRefused = new LinkedHashMap<>();
        batch.stream().filter(w -> !byKey.containsKey(w.consensusPubkey()))
                .forEach(w -> walletOfRefused.put(w.consensusPubkey(), w.walletAddress()));
        return pool.preparedQuery(OWNERS).execute(Tuple.of((Object) walletOfRefused.keySet().toArray(new String[0])))
                .map(owners -> {
                    for (Row row : owners) {
                        String key = row.getString("consensus_pubkey");
                        boolean sameWallet = row.getString("wallet_address").equals(walletOfRefused.get(key));
                        byKey.put(key, StoreOutcome.refused(sameWallet
                                ? StoreOutcome.Status.REPLAYED
                                : StoreOutcome.Status.KEY_BOUND_ELSEWHERE));
                    }
                    return inOrder(batch, byKey);
                });
    }

    private static List<StoreOutcome> inOrder(List<HeartbeatWrite> batch, Map<String, StoreOutcome> byKey) {
        List<StoreOutcome> out = new ArrayList<>(batch.size());
        for (HeartbeatWrite w : batch) {
            // a refused key always has a stored row; a missing one would be a concurrent delete: treat as a replay
            out.add(byKey.getOrDefault(w.consensusPubkey(), StoreOutcome.refused(StoreOutcome.Status.REPLAYED)));
        }
        return out;
    }

    private static Tuple parameters(List<HeartbeatWrite> batch) {
        int n = batch.size();
        String[] keys = new String[n];
        String[] wallets = new String[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        OffsetDateTime[] signed = new OffsetDateTime[n];
        Long[] heights = new Long[n];
        Long[] uptimes = new Long[n];
        Integer[] rpcPorts = new Integer[n];
        Integer[] p2pPorts = new Integer[n];
        for (int i = 0; i < n; i++) {
            HeartbeatWrite w = batch.get(i);
            keys[i] = w.consensusPubkey();
            wallets[i] = w.walletAddress();
            received[i] = w.receivedAt().atOffset(ZoneOffset.UTC);
            signed[i] = w.heartbeatTs().atOffset(ZoneOffset.UTC);
            heights[i] = w.blockHeight();
            uptimes[i] = w.uptimeSeconds();
            rpcPorts[i] = w.localRpcPort();
            p2pPorts[i] = w.localP2pPort();
        }
        return Tuple.tuple(List.<Object>of(keys, wallets, received, signed, heights, uptimes, rpcPorts, p2pPorts));
    }
}
