package network.omniphi.gateway.api.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code heartbeat} of a by-wallet element: what the heartbeat service knows of the setup's local node. */
@Schema(name = "NodeHeartbeat")
public record NodeHeartbeatJson(String walletAddress,
        @Schema(description = "Standard base64 of the node's 32-byte ed25519 consensus public key") String consensusPubkey,
        @Schema(description = "The setup the key is linked to; null before the link reached the heartbeat service") String setupRequestId,
        @Schema(description = "When the key's first accepted heartbeat arrived") Instant firstSeen,
        @Schema(description = "When its last accepted heartbeat arrived") Instant lastSeen,
        @Schema(description = "Block height the node last reported") long blockHeight,
        @Schema(description = "Node uptime it last reported") long uptimeSeconds, int localRpcPort, int localP2pPort,
        @Schema(description = "No heartbeat within the heartbeat service's stale window") boolean stale,
        @Schema(description = "Heartbeats arrive but the reported height has not moved") boolean heightStalled) {
}
