package network.omniphi.heartbeat.infra;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

import network.omniphi.heartbeat.domain.HeartbeatReads;
import network.omniphi.heartbeat.domain.StoredHeartbeat;

/** {@link HeartbeatReads} on the heartbeat table through {@link HeartbeatEntity}. */
@ApplicationScoped
public class PanacheHeartbeatReads implements HeartbeatReads {

    @Override
    @WithSession
    public Uni<List<StoredHeartbeat>> byWallet(String walletAddress) {
        return HeartbeatEntity.<HeartbeatEntity>list("walletAddress = ?1 order by firstSeen, consensusPubkey",
                walletAddress).map(rows -> rows.stream().map(PanacheHeartbeatReads::stored).toList());
    }

    @Override
    @WithSession
    public Uni<StoredHeartbeat> byKey(String consensusPubkey) {
        return HeartbeatEntity.<HeartbeatEntity>findById(consensusPubkey)
                .map(row -> row == null ? null : stored(row));
    }

    private static StoredHeartbeat stored(HeartbeatEntity row) {
        return new StoredHeartbeat(row.walletAddress, row.consensusPubkey, row.setupRequestId, row.firstSeen,
                row.lastSeen, row.heartbeatTsText, row.blockHeight, row.uptimeSeconds, row.localRpcPort,
                row.localP2pPort, row.heightStalled);
    }
}
