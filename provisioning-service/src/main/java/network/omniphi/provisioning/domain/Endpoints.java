package network.omniphi.provisioning.domain;

/**
 * Where a node can be reached: CometBFT RPC URL, P2P address ({@code tcp://host:port}) and gRPC address
 * ({@code host:port}).
 */
public record Endpoints(String rpc, String p2p, String grpc) {

    public static final Endpoints NONE = new Endpoints(null, null, null);

    /**
     * The P2P address in the form the API has shown since the seed and CometBFT writes its own listen address in
     * ({@code config.toml} {@code [p2p] laddr = "tcp://0.0.0.0:26656"}, CometBFT v0.38 {@code config/config.go}):
     * {@code tcp://host:port}. Every runtime builds it here, so producers cannot drift apart.
     */
    public static String p2pAddress(String host, int port) {
        if (host == null || host.isBlank() || port < 1 || port > 65535) {
            throw new IllegalArgumentException("a P2P address needs a host and a port 1..65535");
        }
        return "tcp://" + host + ":" + port;
    }
}
