package network.omniphi.gateway.api.dto;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The {@code node} object of DESIGN.md. */
@Schema(name = "Node")
public record NodeJson(String id,
        @Schema(enumeration = {
                "provisioning", "syncing", "running", "unhealthy", "stopping", "stopped", "failed"}) String status,
        String provider, String rpcEndpoint, String p2pEndpoint, String grpcEndpoint, String logsUrl,
        Long lastBlockHeight,
        Instant lastHealthCheck){
}
