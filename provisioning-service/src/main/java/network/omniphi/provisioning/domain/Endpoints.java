package network.omniphi.provisioning.domain;

/** Where a node can be reached: CometBFT RPC URL, P2P address (host:port) and gRPC address (host:port). */
public record Endpoints(String rpc, String p2p, String grpc) {

    public static final Endpoints NONE = new Endpoints(null, null, null);
}
