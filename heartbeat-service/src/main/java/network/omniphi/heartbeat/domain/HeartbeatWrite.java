package network.omniphi.heartbeat.domain;

import java.time.Instant;

/**
 * What one authenticated heartbeat writes: the row of its key, conditional on a live link of the key to the wallet and
 * a newer signed timestamp. {@code heartbeatTsText} is the signed timestamp exactly as the node sent it.
 */
public record HeartbeatWrite(String consensusPubkey, String walletAddress, Instant receivedAt, Instant heartbeatTs,
        String heartbeatTsText, long blockHeight, long uptimeSeconds, int localRpcPort, int localP2pPort) {
}
