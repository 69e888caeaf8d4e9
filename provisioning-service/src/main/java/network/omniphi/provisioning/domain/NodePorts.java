package network.omniphi.provisioning.domain;

/** Host ports a locally run node listens on; allocated once and kept for the node's lifetime. */
public record NodePorts(int rpc, int p2p, int grpc) {

    public static final int PER_NODE = 3;

    /** The block of ports starting at {@code base}. */
    public static NodePorts block(int base) {
        return new NodePorts(base, base + 1, base + 2);
    }
}
