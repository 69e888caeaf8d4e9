package network.omniphi.gateway.domain.heartbeat;

import java.time.Instant;

/**
 * What the heartbeat service knows of one local node: the {@code heartbeat} of a by-wallet answer. The fields are the
 * heartbeat service's {@code HeartbeatView} (GET /internal/v1/heartbeats), in its order.
 *
 * @param setupRequestId the setup the node's key is linked to, or null when none is
 * @param stale no heartbeat within the service's stale window
 * @param heightStalled heartbeats arrive but the reported block height has not moved
 */
public record NodeHeartbeat(String walletAddress, String consensusPubkey, String setupRequestId, Instant firstSeen,
        Instant lastSeen, long blockHeight, long uptimeSeconds, int localRpcPort, int localP2pPort, boolean stale,
        boolean heightStalled) {
}
