package network.omniphi.heartbeat.domain;

import java.time.Instant;

/** What one authenticated heartbeat writes: the row of its key, conditional on a newer signed timestamp. */
public record HeartbeatWrite(String consensusPubkey, String walletAddress, Instant receivedAt, Instant heartbeatTs,
        long blockHeight, long uptimeSeconds, int localRpcPort, int localP2pPort) {
}
