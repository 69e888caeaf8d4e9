package network.omniphi.gateway.api.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answer of {@code GET /api/v1/validators/heartbeat?consensusPubkey=...}. */
@Schema(name = "LastHeartbeat", example = """
        {"consensusPubkey":"11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",\
        "lastHeartbeatTimestamp":"2026-12-03T17:00:00.250Z","lastReceivedAt":"2026-12-03T17:00:00.318402Z"}""")
public record LastHeartbeatJson(
        @Schema(description = "Standard base64 of the 32-byte ed25519 consensus public key") String consensusPubkey,
        @Schema(description = "The signed timestamp of the key's last accepted heartbeat, exactly as the node sent it (RFC 3339 UTC)") String lastHeartbeatTimestamp,
        @Schema(description = "When the server received that heartbeat (RFC 3339 UTC)") String lastReceivedAt) {
}
