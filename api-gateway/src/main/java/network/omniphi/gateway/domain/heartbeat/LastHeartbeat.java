package network.omniphi.gateway.domain.heartbeat;

import java.time.Instant;

/**
 * The last accepted heartbeat of one consensus key: what a local agent checks before it starts a signer for that key
 * (docs/heartbeat-protocol.md, "One signer per key").
 *
 * @param consensusPubkey standard base64 of the 32-byte ed25519 public key
 * @param lastHeartbeatTimestamp the signed timestamp exactly as the node sent it (part of the signed bytes, so never
 *            re-formatted)
 * @param lastReceivedAt when the heartbeat service received it
 */
public record LastHeartbeat(String consensusPubkey, String lastHeartbeatTimestamp, Instant lastReceivedAt) {
}
