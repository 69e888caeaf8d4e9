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
 * One multi-row conditional upsert for a batch of heartbeats with distinct keys. A row is written only if a live link
 * ({@code consensus_key_links}) ties the key to the heartbeat's wallet, and changes only if the stored signed
 * timestamp is older and the wallet is the same, so the statement is also the link check and the replay guard across
 * replicas, in one atomic step. Rows the statement did not touch are looked up once to tell an unlinked key from a
 * replay or a key bound to another wallet.
 */
@ApplicationScoped
public class HeartbeatUpsert {

    static final String UPSERT = "INSERT INTO local_validator_heartbeats AS h (consensus_pubkey, wallet_address,"
            + " first_seen, last_seen, heartbeat_ts, heartbeat_ts_text, block_height, uptime_seconds, local_rpc_port,"
            + " local_p2p_port, height_changed_at)"
            + " SELECT k, w, r, r, t, tt, b, u, rp, pp, r FROM UNNEST($1::text[], $2::text[], $3::timestamptz[],"
            + " $4::timestamptz[], $5::text[], $6::bigint[], $7::bigint[], $8::int[], $9::int[])"
            + " AS x(k, w, r, t, tt, b, u, rp, pp)"
            + " WHERE EXISTS (SELECT 1 FROM consensus_key_links l WHERE l.consensus_pubkey = x.k"
            + " AND l.wallet_address = x.w AND l.released_at IS NULL)"
            + " ON CONFLICT (consensus_pubkey) DO UPDATE SET last_seen = GREATEST(h.last_seen, excluded.last_seen),"
            + " heartbeat_ts = excluded.heartbeat_ts, heartbeat_ts_text = excluded.heartbeat_ts_text,"
            + " block_height = excluded.block_height,"
            + " uptime_seconds = excluded.uptime_seconds, local_rpc_port = excluded.local_rpc_port,"
            + " local_p2p_port = excluded.local_p2p_port,"
            + " height_changed_at = CASE WHEN excluded.block_height <> h.block_height"
            + " THEN excluded.last_seen ELSE h.height_changed_at END"
            + " WHERE h.heartbeat_ts < excluded.heartbeat_ts AND h.wallet_address = excluded.wallet_address"
            + " RETURNING h.consensus_pubkey, h.setup_request_id, (h.xmax = 0) AS inserted,"
            + " (h.setup_request_id IS NULL AND EXISTS (SELECT 1 FROM consensus_key_links l"
            + " JOIN local_setups s ON s.setup_request_id = l.setup_request_id"
            + " WHERE l.consensus_pubkey = h.consensus_pubkey AND l.released_at IS NULL"
            + " AND s.status = 'pending')) AS binding_candidate";

    /** For refused writes: whether the key is linked to the wallet now, and the wallet of its stored row. */
    static final String REFUSED = "SELECT x.k AS consensus_pubkey,"
            + " EXISTS (SELECT 1 FROM consensus_key_links l WHERE l.consensus_pubkey = x.k AND l.wallet_address = x.w"
            + " AND l.released_at IS NULL) AS linked, h.wallet_address"
            + " FROM UNNEST($1::text[], $2::text[]) AS x(k, w)"
            + " LEFT JOIN local_validator_heartbeats h ON h.consensus_pubkey = x.k";

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
        return pool.preparedQuery(REFUSED).execute(Tuple.of(walletOfRefused.keySet().toArray(new String[0]),
                walletOfRefused.values().toArray(new String[0])))
                .map(refused -> {
                    for (Row row : refused) {
                        String key = row.getString("consensus_pubkey");
                        byKey.put(key, StoreOutcome.refused(refusal(row, walletOfRefused.get(key))));
                    }
                    return inOrder(batch, byKey);
                });
    }

    /**
     * Not linked (also when the link arrived between the write and this look-up: nothing was stored, the next
     * heartbeat is accepted), another wallet's row, or a replay.
     */
    private static StoreOutcome.Status refusal(Row row, String wallet) {
        String stored = row.getString("wallet_address");
        if (!row.getBoolean("linked") || stored == null) {
            return StoreOutcome.Status.NOT_LINKED;
        }
        return stored.equals(wallet) ? StoreOutcome.Status.REPLAYED : StoreOutcome.Status.KEY_BOUND_ELSEWHERE;
    }

    private static List<StoreOutcome> inOrder(List<HeartbeatWrite> batch, Map<String, StoreOutcome> byKey) {
        List<StoreOutcome> out = new ArrayList<>(batch.size());
        for (HeartbeatWrite w : batch) {
            // every refused key was looked up; a missing answer would be a bug: refuse without storing
            out.add(byKey.getOrDefault(w.consensusPubkey(), StoreOutcome.refused(StoreOutcome.Status.NOT_LINKED)));
        }
        return out;
    }

    private static Tuple parameters(List<HeartbeatWrite> batch) {
        int n = batch.size();
        String[] keys = new String[n];
        String[] wallets = new String[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        OffsetDateTime[] signed = new OffsetDateTime[n];
        String[] signedText = new String[n];
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
            signedText[i] = w.heartbeatTsText();
            heights[i] = w.blockHeight();
            uptimes[i] = w.uptimeSeconds();
            rpcPorts[i] = w.localRpcPort();
            p2pPorts[i] = w.localP2pPort();
        }
        return Tuple.tuple(
                List.<Object>of(keys, wallets, received, signed, signedText, heights, uptimes, rpcPorts, p2pPorts));
    }
}
