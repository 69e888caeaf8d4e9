package network.omniphi.heartbeat.domain;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** Port: reads of stored heartbeats for the internal API. */
public interface HeartbeatReads {

    /** The wallet's nodes, oldest first (first seen, then key). */
    Uni<List<StoredHeartbeat>> byWallet(String walletAddress);

    /** The key's last accepted heartbeat, or null when none is stored. */
    Uni<StoredHeartbeat> byKey(String consensusPubkey);
}
