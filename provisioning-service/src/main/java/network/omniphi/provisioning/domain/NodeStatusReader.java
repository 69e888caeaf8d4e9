package network.omniphi.provisioning.domain;

import java.util.Optional;
import java.util.OptionalLong;

/** Port to read CometBFT {@code /status} of a node, and the chain height from the reference RPC. */
public interface NodeStatusReader {

    /** The node's own report, or empty when it cannot be reached or answers something unusable. */
    Optional<StatusReading> read(String rpcBaseUrl);

    /** The chain height the reference RPC sees, or empty when it is unreachable. */
    OptionalLong referenceHeight();
}
