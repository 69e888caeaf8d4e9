package network.omniphi.gateway.domain;

import java.time.Instant;
import java.util.UUID;

/** Read model of the node that runs a setup's validator (cloud: our pod; local: the user's machine). */
public record ValidatorNode(UUID id, UUID setupRequestId, String nodeName, NodeStatus status, String provider,
        String rpcEndpoint, String p2pEndpoint, String grpcEndpoint, String logsUrl, Long lastBlockHeight,
        Instant lastHealthCheck) {
}
