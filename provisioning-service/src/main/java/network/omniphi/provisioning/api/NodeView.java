package network.omniphi.provisioning.api;

import java.time.Instant;

import network.omniphi.provisioning.domain.ValidatorNode;

/** JSON view of a node (camelCase, status in lower case as in DESIGN.md). */
public record NodeView(String setupRequestId, String nodeId, String status, String provider, String moniker,
        String chainId, String consensusPubkey, String rpcEndpoint, String p2pEndpoint, String grpcEndpoint,
        long lastBlockHeight, Instant lastHealthCheck, String failureReason) {

    static NodeView of(ValidatorNode n) {
        return new NodeView(n.setupRequestId(), n.name(), n.status().name().toLowerCase(), n.provider(), n.moniker(),
                n.chainId(), n.consensusPubkey(), n.endpoints().rpc(), n.endpoints().p2p(), n.endpoints().grpc(),
                n.latestHeight(), n.lastHealthCheck(), n.failureReason());
    }
}
