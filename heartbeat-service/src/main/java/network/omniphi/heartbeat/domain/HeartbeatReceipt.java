package network.omniphi.heartbeat.domain;

import java.time.Instant;

/** What an accepted heartbeat answers: the key's setup (if any) and whether this heartbeat bound it just now. */
public record HeartbeatReceipt(String walletAddress, String consensusPubkey, String setupRequestId, boolean firstSeen,
        Instant receivedAt) {
}
