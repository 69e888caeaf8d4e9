package network.omniphi.chain.domain.port;

import io.smallrye.mutiny.Uni;

/** The validator node's CometBFT RPC. */
public interface NodeStatusPort {

    /** {@code /status} latest_block_height of the node at {@code rpcEndpoint}. */
    Uni<Long> latestHeight(String rpcEndpoint);
}
