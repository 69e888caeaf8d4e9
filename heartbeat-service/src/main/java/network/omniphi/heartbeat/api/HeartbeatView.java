package network.omniphi.heartbeat.api;

import java.time.Instant;

/** One node in {@code GET /internal/v1/heartbeats}: the gateway's {@code heartbeat} of by-wallet answers. */
public record HeartbeatView(String walletAddress, String consensusPubkey, String setupRequestId, Instant firstSeen,
        Instant lastSeen, long blockHeight, long uptimeSeconds, int localRpcPort, int localP2pPort, boolean stale,
        boolean heightStalled) {
}
