package network.omniphi.heartbeat.domain;

import java.time.Instant;

/**
 * The last accepted heartbeat of one consensus key as stored: {@code heartbeatTsText} is the signed timestamp exactly
 * as the node sent it, {@code lastSeen} the server's receive time.
 */
public record StoredHeartbeat(String walletAddress, String consensusPubkey, String setupRequestId, Instant firstSeen,
        Instant lastSeen, String heartbeatTsText, long blockHeight, long uptimeSeconds, int localRpcPort,
        int localP2pPort, boolean heightStalled) {

    /** Stale when nothing was received since {@code staleBefore}. */
    public boolean staleAt(Instant staleBefore) {
        return lastSeen.isBefore(staleBefore);
    }
}
